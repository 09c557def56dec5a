import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { GpuOption } from '@ml-platform/backstage-plugin-ml-platform-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { notebookOptions } from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import type { NotebookGpuValue } from './notebookGpus';
import { NotebookGpuPicker } from './NotebookGpuPicker';
import { FieldHarness } from '../../testUtils/FieldHarness';

const nvidia: GpuOption = {
  vendor: 'nvidia',
  resourceName: 'nvidia.com/gpu',
  maxPerNode: 4,
};
const amd: GpuOption = {
  vendor: 'amd',
  resourceName: 'amd.com/gpu',
  maxPerNode: 2,
};

function withGpus(gpus: GpuOption[]) {
  return fakeMlPlatformApi({
    getNotebookOptions: jest.fn(async () => notebookOptions({ gpus })),
  });
}

function renderPicker(
  api = withGpus([nvidia]),
  initial: NotebookGpuValue = { count: 0 },
) {
  const onValue = jest.fn();
  renderInTestApp(
    <FieldHarness<NotebookGpuValue>
      field={NotebookGpuPicker}
      title="GPUs"
      id="root_gpu"
      initial={initial}
      onValue={onValue}
    />,
    { apis: [[mlPlatformApiRef, api]] },
  );
  return { api, onValue };
}

const optionTexts = (select: HTMLElement) =>
  Array.from(select.querySelectorAll('option')).map(o => o.textContent);

describe('NotebookGpuPicker', () => {
  it("shows progress while the cluster's GPUs are read", async () => {
    const { onValue } = renderPicker(
      fakeMlPlatformApi({
        getNotebookOptions: jest.fn(() => new Promise(() => {})),
      }),
    );

    expect(
      await screen.findByText("Reading which GPUs the cluster's nodes have…"),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('GPUs')).toBeDisabled();
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
    expect(onValue).not.toHaveBeenCalled();
  });

  it('offers 0 to the most one node has, of the only vendor', async () => {
    const { onValue } = renderPicker();

    const count = await screen.findByRole('combobox', { name: 'GPUs' });
    expect(optionTexts(count)).toEqual(['0', '1', '2', '3', '4']);
    expect(count).toHaveValue('0');
    expect(
      screen.getByText('nvidia (nvidia.com/gpu): at most 4 per node'),
    ).toBeInTheDocument();
    // one vendor: no vendor select, but the value names it
    expect(
      screen.queryByRole('combobox', { name: 'GPU vendor' }),
    ).not.toBeInTheDocument();
    await waitFor(() =>
      expect(onValue).toHaveBeenCalledWith({ count: 0, vendor: 'nvidia' }),
    );

    await userEvent.selectOptions(count, '2');
    expect(onValue).toHaveBeenLastCalledWith({ count: 2, vendor: 'nvidia' });
    expect(count).toHaveValue('2');
  });

  it('offers a vendor select when nodes have GPUs of several vendors', async () => {
    const { onValue } = renderPicker(withGpus([nvidia, amd]), {
      count: 3,
      vendor: 'nvidia',
    });

    const vendor = await screen.findByRole('combobox', { name: 'GPU vendor' });
    expect(optionTexts(vendor)).toEqual(['nvidia', 'amd']);
    const count = screen.getByRole('combobox', { name: 'GPUs' });
    expect(count).toHaveValue('3');

    await userEvent.selectOptions(vendor, 'amd');
    // amd nodes have at most 2
    expect(onValue).toHaveBeenLastCalledWith({ count: 2, vendor: 'amd' });
    expect(optionTexts(count)).toEqual(['0', '1', '2']);
    expect(
      screen.getByText('amd (amd.com/gpu): at most 2 per node'),
    ).toBeInTheDocument();
  });

  it('says no node has GPUs, and asks for none', async () => {
    const { onValue } = renderPicker(withGpus([]), { count: 2 });

    expect(
      await screen.findByText('No node of this cluster has GPUs'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('GPUs')).toBeDisabled();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    await waitFor(() => expect(onValue).toHaveBeenLastCalledWith({ count: 0 }));
  });

  it("leaves the value alone when it already fits the cluster's GPUs", async () => {
    const { onValue } = renderPicker(withGpus([]), { count: 0 });

    expect(
      await screen.findByText('No node of this cluster has GPUs'),
    ).toBeInTheDocument();
    expect(onValue).not.toHaveBeenCalled();
  });

  it("shows the backend's message when the GPUs cannot be read", async () => {
    renderPicker(
      fakeMlPlatformApi({
        getNotebookOptions: jest.fn(async () => {
          throw await responseError(
            503,
            'Cluster local is unreachable: connect ECONNREFUSED',
          );
        }),
      }),
    );

    expect(
      await screen.findByText(
        "Could not read which GPUs the cluster's nodes have: Cluster local is unreachable: connect ECONNREFUSED",
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('GPUs')).toBeDisabled();
  });
});
