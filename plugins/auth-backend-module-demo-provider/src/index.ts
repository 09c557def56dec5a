/**
 * The demo-provider backend module for the auth plugin.
 *
 * @packageDocumentation
 */

export { authModuleDemoProvider as default } from './module';
