import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { notebookOptions } from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { NotebookImagePicker } from './NotebookImagePicker';
import { FieldHarness } from '../../testUtils/FieldHarness';

const SCIPY =
  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0';

function renderPicker(
  api = fakeMlPlatformApi(),
  initial: string | undefined = 'JupyterLab (SciPy)',
) {
  const onValue = jest.fn();
  renderInTestApp(
    <FieldHarness<string>
      field={NotebookImagePicker}
      title="Image"
      id="root_image"
      initial={initial}
      onValue={onValue}
    />,
    { apis: [[mlPlatformApiRef, api]] },
  );
  return { api, onValue };
}

function withCustomImages(registries: string[]) {
  return fakeMlPlatformApi({
    getNotebookOptions: jest.fn(async () =>
      notebookOptions({ customImages: { allowed: true, registries } }),
    ),
  });
}

/** The image input once the options are read (the loading field is another element). */
async function loadedInput() {
  await waitFor(() =>
    expect(
      screen.queryByText('Reading the images the platform offers…'),
    ).not.toBeInTheDocument(),
  );
  return screen.getByRole('textbox', { name: /Image/ });
}

describe('NotebookImagePicker', () => {
  it('shows progress while the options load, keeping the default', async () => {
    renderPicker(
      fakeMlPlatformApi({
        getNotebookOptions: jest.fn(() => new Promise(() => {})),
      }),
    );

    const input = await screen.findByLabelText(/Image/);
    expect(input).toHaveValue('JupyterLab (SciPy)');
    expect(input).toBeDisabled();
    expect(
      screen.getByText('Reading the images the platform offers…'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('offers the configured images by name, with their references', async () => {
    const { api, onValue } = renderPicker();

    const input = await loadedInput();
    expect(input).toHaveValue('JupyterLab (SciPy)');
    expect(screen.getByText(SCIPY)).toBeInTheDocument();
    // the default is the value as it is: nothing to change
    expect(onValue).not.toHaveBeenCalled();
    expect(api.getNotebookOptions).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    const options = screen.getAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      `JupyterLab (SciPy)${SCIPY}`,
      'JupyterLab (PyTorch)ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0',
      'JupyterLab (PyTorch, CUDA)ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-cuda-full:v1.10.0',
      'VS Code (code-server, Python)ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0',
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: /VS Code \(code-server, Python\)/ }),
    );
    expect(onValue).toHaveBeenLastCalledWith('VS Code (code-server, Python)');
    expect(input).toHaveValue('VS Code (code-server, Python)');
    expect(
      screen.getByText(
        'ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0',
      ),
    ).toBeInTheDocument();
  });

  it('takes only configured images when custom images are not allowed', async () => {
    const { onValue } = renderPicker();

    const input = await loadedInput();
    expect(screen.queryByText(/You may also type/)).not.toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.paste('python:3.12');
    await userEvent.tab();
    expect(onValue).not.toHaveBeenCalledWith('python:3.12');
    expect(input).not.toHaveValue('python:3.12');
  });

  it('says why a value given to the form is not offered', async () => {
    renderPicker(fakeMlPlatformApi(), 'python:3.12');

    expect(
      await screen.findByText(
        /"python:3.12" is not one of the configured images .*, and custom images are not allowed/,
      ),
    ).toBeInTheDocument();
  });

  it('picks the first image when the form has none', async () => {
    const { onValue } = renderPicker(fakeMlPlatformApi(), '');
    await waitFor(() =>
      expect(onValue).toHaveBeenCalledWith('JupyterLab (SciPy)'),
    );
  });

  it('turns an image given by reference into its name', async () => {
    const { onValue } = renderPicker(fakeMlPlatformApi(), SCIPY);
    await waitFor(() =>
      expect(onValue).toHaveBeenCalledWith('JupyterLab (SciPy)'),
    );
    expect(await loadedInput()).toHaveValue('JupyterLab (SciPy)');
  });

  it('takes a typed image reference when custom images are allowed, naming the registries', async () => {
    const { onValue } = renderPicker(
      withCustomImages(['registry.example.com']),
    );

    const input = await loadedInput();
    expect(
      screen.getByText(
        `${SCIPY}. You may also type an image reference from registry.example.com.`,
      ),
    ).toBeInTheDocument();

    await userEvent.clear(input);
    await userEvent.paste('registry.example.com/team/nb:1');
    expect(onValue).toHaveBeenLastCalledWith('registry.example.com/team/nb:1');
    expect(
      screen.getByText(
        'A custom image from registry.example.com. You may also type an image reference from registry.example.com.',
      ),
    ).toBeInTheDocument();

    await userEvent.clear(input);
    await userEvent.paste('python:3.12');
    expect(onValue).toHaveBeenLastCalledWith('python:3.12');
    expect(
      screen.getByText(
        '"python:3.12" comes from registry docker.io; custom images may only come from registry.example.com',
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's message when the options cannot be read, and still takes a value", async () => {
    const { onValue } = renderPicker(
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
        'Could not read the images the platform offers: Cluster local is unreachable: connect ECONNREFUSED',
      ),
    ).toBeInTheDocument();
    const input = screen.getByRole('textbox', { name: /Image/ });
    expect(input).toHaveValue('JupyterLab (SciPy)');
    await userEvent.type(input, 'x');
    expect(onValue).toHaveBeenLastCalledWith('JupyterLab (SciPy)x');
  });
});
