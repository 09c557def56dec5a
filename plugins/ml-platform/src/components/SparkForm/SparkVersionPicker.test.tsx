import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { FieldHarness } from '../../testUtils/FieldHarness';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { SparkVersionPicker } from './SparkVersionPicker';
import { sparkOptions } from './testFixtures';

const withOptions = () =>
  fakeMlPlatformApi({ getSparkOptions: jest.fn(async () => sparkOptions()) });

function renderPicker(api = withOptions(), initial?: string) {
  const onValue = jest.fn();
  renderInTestApp(
    <FieldHarness<string>
      field={SparkVersionPicker}
      title="Spark version"
      id="root_sparkVersion"
      initial={initial}
      onValue={onValue}
    />,
    { apis: [[mlPlatformApiRef, api]] },
  );
  return { api, onValue };
}

const optionTexts = (select: HTMLElement) =>
  Array.from(select.querySelectorAll('option')).map(o => o.textContent);

describe('SparkVersionPicker', () => {
  it('shows progress while the versions are read', async () => {
    const { onValue } = renderPicker(
      fakeMlPlatformApi({
        getSparkOptions: jest.fn(() => new Promise(() => {})),
      }),
    );

    expect(
      await screen.findByText(
        'Reading the Spark versions the platform offers…',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Spark version/)).toBeDisabled();
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
    expect(onValue).not.toHaveBeenCalled();
  });

  it('offers the configured versions with their images, the first by default', async () => {
    const { api, onValue } = renderPicker();

    const select = await screen.findByRole(
      'combobox',
      { name: /Spark version/ },
      { timeout: 5000 },
    );
    await waitFor(() => expect(onValue).toHaveBeenCalledWith('4.0.1'));
    expect(optionTexts(select)).toEqual([
      '4.0.1 (docker.io/library/spark:4.0.1)',
      '3.5.7 (docker.io/library/spark:3.5.7)',
    ]);
    expect(select).toHaveValue('4.0.1');
    expect(
      screen.getByText('Image docker.io/library/spark:4.0.1'),
    ).toBeInTheDocument();
    expect(api.getSparkOptions).toHaveBeenCalledTimes(1);

    await userEvent.selectOptions(select, '3.5.7');
    expect(onValue).toHaveBeenLastCalledWith('3.5.7');
    expect(
      screen.getByText('Image docker.io/library/spark:3.5.7'),
    ).toBeInTheDocument();
  });

  it('keeps a configured value as it is', async () => {
    const { onValue } = renderPicker(withOptions(), '3.5.7');

    expect(
      await screen.findByText('Image docker.io/library/spark:3.5.7'),
    ).toBeInTheDocument();
    expect(onValue).not.toHaveBeenCalled();
  });

  it('says why a value given to the form is not offered', async () => {
    renderPicker(withOptions(), '2.4.8');

    expect(
      await screen.findByText(
        '"2.4.8" is not a configured Spark version (4.0.1, 3.5.7)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Spark version/ })).toHaveValue(
      '2.4.8',
    );
  });

  it("shows the backend's message when the versions cannot be read, and still takes a value", async () => {
    const { onValue } = renderPicker(
      fakeMlPlatformApi({
        getSparkOptions: jest.fn(async () => {
          throw await responseError(
            503,
            'Cluster local is unreachable: connect ECONNREFUSED',
          );
        }),
      }),
    );

    expect(
      await screen.findByText(
        'Could not read the Spark versions the platform offers: Cluster local is unreachable: connect ECONNREFUSED',
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Spark version/ }),
      '4',
    );
    expect(onValue).toHaveBeenLastCalledWith('4');
  });
});
