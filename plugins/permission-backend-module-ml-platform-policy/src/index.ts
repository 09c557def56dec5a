/**
 * The ml-platform-policy module for `@backstage/plugin-permission-backend`
 *
 * @packageDocumentation
 */

export { permissionModuleMlPlatformPolicy as default } from './module';
