import type { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { mlPlatformApiRef } from './api/MlPlatformClient';
import { teamResourcesEntityContent } from './plugin';
import {
  fakeMlPlatformApi,
  populatedOverview,
} from './testUtils/overviewFixtures';

function entity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

describe('the Resources entity content', () => {
  it("shows a group's resource overview, read by the group's name", async () => {
    const api = fakeMlPlatformApi({
      getTeamOverview: jest.fn(async (team: string) => populatedOverview(team)),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'fraud-detection') }),
        teamResourcesEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText('Team namespace fraud-detection'),
    ).toBeInTheDocument();
    expect(api.getTeamOverview).toHaveBeenCalledWith('fraud-detection');
  });

  it('is not offered on entities other than groups', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Component', 'scorer') }),
        teamResourcesEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getTeamOverview).not.toHaveBeenCalled();
  });
});
