export { mlPlatformPlugin as default } from './plugin';
