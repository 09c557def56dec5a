export { ModelOverview } from './ModelOverview';
export { EntityModelContent } from './EntityModelContent';
export { EntityModelCard } from './EntityModelCard';
