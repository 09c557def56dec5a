import { EmptyState, LinkButton } from '@backstage/core-components';
import { TEAM_NAMESPACE_TEMPLATE_PATH } from './templatePaths';

/** Shown while a team has no namespace on the cluster: how one comes to exist. */
export function NoNamespaceEmptyState({ team }: { team: string }) {
  return (
    <EmptyState
      missing="content"
      title={`Team ${team} has no namespace yet`}
      description={
        <>
          A platform admin creates the team namespace, with its quota, from the
          Team namespace template. Once it exists, team members add projects
          with the ML project template, and their quotas, workloads and warnings
          show up here. Until then there is no budget for projects, so ask a
          platform admin.
        </>
      }
      action={
        <LinkButton
          to={TEAM_NAMESPACE_TEMPLATE_PATH}
          variant="contained"
          color="primary"
        >
          Create the team namespace (admins)
        </LinkButton>
      }
    />
  );
}
