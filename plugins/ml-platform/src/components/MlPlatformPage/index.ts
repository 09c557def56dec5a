export { MlPlatformPage } from './MlPlatformPage';
