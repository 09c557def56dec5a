import {
  Content,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  Progress,
  SignInPage,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  useApi,
  type SignInPageProps,
} from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { oidcAuthApiRef } from '../auth/oidc';
import { DemoIdentity, rememberedDemoUser } from './DemoIdentity';

type DemoUser = {
  name: string;
  displayName: string;
  email?: string;
  groups: string[];
};

/** Undefined when the backend has no demo sign-in (it answers 404). */
async function fetchDemoUsers(
  authBaseUrl: string,
): Promise<DemoUser[] | undefined> {
  const response = await fetch(`${authBaseUrl}/demo-users`);
  if (response.status === 404) {
    return undefined;
  }
  if (!response.ok) {
    throw new Error(
      `The auth backend answered ${response.status} for the demo users`,
    );
  }
  return (await response.json()).users;
}

/**
 * Local development: pick any demo user from the catalog. Deployments without
 * `auth.providers.demo` get the single sign-on page instead.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const discoveryApi = useApi(discoveryApiRef);
  const [signingIn, setSigningIn] = useState<string | undefined>(
    rememberedDemoUser,
  );
  const [signInError, setSignInError] = useState<Error>();
  const users = useAsync(
    async () => fetchDemoUsers(await discoveryApi.getBaseUrl('auth')),
    [discoveryApi],
  );

  const { onSignInSuccess } = props;
  useEffect(() => {
    if (!signingIn) {
      return;
    }
    const identity = new DemoIdentity(signingIn, discoveryApi);
    identity.start().then(
      () => onSignInSuccess(identity),
      error => {
        setSignInError(error);
        setSigningIn(undefined);
      },
    );
  }, [signingIn, discoveryApi, onSignInSuccess]);

  if (users.loading || signingIn) {
    return <Progress />;
  }
  if (users.error) {
    return (
      <ErrorPanel
        title="Cannot reach the Backstage backend"
        error={users.error}
      />
    );
  }
  if (users.value === undefined) {
    return (
      <SignInPage
        {...props}
        auto
        provider={{
          id: 'oidc',
          title: 'Single sign-on',
          message: 'Sign in with your organisation account',
          apiRef: oidcAuthApiRef,
        }}
      />
    );
  }

  const columns: TableColumn<DemoUser>[] = [
    { title: 'Name', field: 'displayName', highlight: true },
    { title: 'User', field: 'name' },
    { title: 'Email', field: 'email', emptyValue: '—' },
    {
      title: 'Groups',
      render: user =>
        user.groups.length === 0
          ? 'no team'
          : user.groups.map(group => (
              <Chip key={group} size="small" label={group} />
            )),
    },
    {
      title: '',
      render: user => (
        <Button
          variant="contained"
          color="primary"
          aria-label={`Sign in as ${user.name}`}
          onClick={() => setSigningIn(user.name)}
        >
          Sign in
        </Button>
      ),
    },
  ];

  return (
    <Page themeId="home">
      <Header title="ML Platform" subtitle="Local development sign-in" />
      <Content>
        {signInError && (
          <ErrorPanel title="Sign-in failed" error={signInError} />
        )}
        <InfoCard
          title="Sign in as a demo user"
          subheader="Demo sign-in is enabled by auth.providers.demo for local development only; it lets anyone act as any user below."
        >
          <Table<DemoUser>
            options={{ paging: false, search: true, padding: 'dense' }}
            columns={columns}
            data={users.value}
            emptyContent="The catalog holds no User entities yet: check the catalog locations in app-config."
          />
        </InfoCard>
      </Content>
    </Page>
  );
}
