export { PlatformStatusCard } from './PlatformStatusCard';
