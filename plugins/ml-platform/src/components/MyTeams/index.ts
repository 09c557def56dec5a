export { MyTeamsPage } from './MyTeamsPage';
