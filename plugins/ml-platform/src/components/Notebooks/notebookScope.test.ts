import { fakeMlPlatformApi } from '../../testUtils/overviewFixtures';
import {
  listNotebooks,
  newNotebookPath,
  scopeKey,
  scopeLabel,
} from './notebookScope';

describe('notebook scopes', () => {
  it("lists a team's or a namespace's notebooks", async () => {
    const api = fakeMlPlatformApi();
    await listNotebooks(api, { kind: 'team', team: 'fraud-detection' });
    await listNotebooks(api, {
      kind: 'namespace',
      namespace: 'fraud-detection-scoring',
      team: 'fraud-detection',
    });
    expect(api.listTeamNotebooks).toHaveBeenCalledWith('fraud-detection');
    expect(api.listNamespaceNotebooks).toHaveBeenCalledWith(
      'fraud-detection-scoring',
    );
  });

  it('opens the notebook-server template, with the project filled in for a project', () => {
    expect(newNotebookPath({ kind: 'team', team: 'fraud-detection' })).toBe(
      '/create/templates/default/notebook-server',
    );
    const path = newNotebookPath({
      kind: 'namespace',
      namespace: 'fraud-detection-scoring',
    });
    const [base, query] = path.split('?');
    expect(base).toBe('/create/templates/default/notebook-server');
    expect(JSON.parse(new URLSearchParams(query).get('formData')!)).toEqual({
      project: 'component:default/fraud-detection-scoring',
    });
    expect(query).toBe(
      'formData=%7B%22project%22%3A%22component%3Adefault%2Ffraud-detection-scoring%22%7D',
    );
  });

  it('names and keys scopes apart', () => {
    const team = { kind: 'team', team: 'x' } as const;
    const namespace = { kind: 'namespace', namespace: 'x' } as const;
    expect(scopeKey(team)).not.toBe(scopeKey(namespace));
    expect(scopeLabel(team)).toBe('team x');
    expect(scopeLabel(namespace)).toBe('project x');
  });
});
