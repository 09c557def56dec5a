import { notebook, notebookDeletion } from '../../testUtils/notebookFixtures';
import { responseError } from '../../testUtils/overviewFixtures';
import {
  describeActionFailure,
  describeDeletion,
  notebookId,
} from './notebookActions';

describe('notebook action messages', () => {
  it("says which action failed, in the backend's words", async () => {
    const error = await responseError(
      503,
      'Kubernetes cluster "local" is unreachable: ECONNREFUSED',
    );
    expect(describeActionFailure('stop', notebook(), error)).toBe(
      'Could not stop notebook alice-eda: Kubernetes cluster "local" is unreachable: ECONNREFUSED',
    );
    expect(
      describeActionFailure('delete', notebook(), new Error('Failed to fetch')),
    ).toBe('Could not delete notebook alice-eda: Failed to fetch');
  });

  it('says what a deletion kept', () => {
    const eda = notebook({ name: 'eda' });
    expect(
      describeDeletion(
        eda,
        notebookDeletion('eda', { deleteWorkspace: false }),
      ),
    ).toBe('Deleted notebook eda. Kept PersistentVolumeClaim/eda-workspace.');
    expect(
      describeDeletion(eda, {
        ...notebookDeletion('eda', { deleteWorkspace: true }),
        notes: ['The volume was still mounted by another pod.'],
      }),
    ).toBe(
      'Deleted notebook eda. The volume was still mounted by another pod.',
    );
  });

  it('tells notebooks of the same name in two namespaces apart', () => {
    expect(notebookId(notebook({ namespace: 'a', name: 'eda' }))).not.toBe(
      notebookId(notebook({ namespace: 'b', name: 'eda' })),
    );
  });
});
