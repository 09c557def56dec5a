import { mlPlatformPlugin } from './plugin';

describe('ml-platform', () => {
  it('should export plugin', () => {
    expect(mlPlatformPlugin).toBeDefined();
  });
});
