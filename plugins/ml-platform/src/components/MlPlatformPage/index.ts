export { MlPlatformPage } from "./MlPlatformPage";
