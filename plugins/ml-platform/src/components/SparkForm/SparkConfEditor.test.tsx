import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { FieldHarness } from '../../testUtils/FieldHarness';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { SparkConfEditor } from './SparkConfEditor';
import { sparkOptions } from './testFixtures';

type Conf = Record<string, string>;

const withOptions = () =>
  fakeMlPlatformApi({ getSparkOptions: jest.fn(async () => sparkOptions()) });

function renderEditor(api = withOptions(), initial: Conf = {}) {
  const onValue = jest.fn();
  renderInTestApp(
    <FieldHarness<Conf>
      field={SparkConfEditor}
      title="Spark conf (optional)"
      id="root_sparkConf"
      initial={initial}
      onValue={onValue}
    />,
    { apis: [[mlPlatformApiRef, api]] },
  );
  return { api, onValue };
}

const optionTexts = (select: HTMLElement) =>
  Array.from(select.querySelectorAll('option')).map(o => o.textContent);

describe('SparkConfEditor', () => {
  it('shows progress while the allowed keys are read', async () => {
    renderEditor(
      fakeMlPlatformApi({
        getSparkOptions: jest.fn(() => new Promise(() => {})),
      }),
    );

    expect(
      await screen.findByText(
        'Reading the Spark conf keys the platform allows…',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('adds entries whose keys are picked from the allowed ones', async () => {
    const { onValue } = renderEditor();

    const add = await screen.findByRole(
      'button',
      { name: 'Add a Spark conf entry' },
      { timeout: 5000 },
    );
    await userEvent.click(add);
    // one row without a key at a time
    expect(add).toBeDisabled();
    const key = screen.getByRole('combobox', { name: 'Key 1' });
    expect(optionTexts(key)).toEqual([
      'Pick a key',
      'spark.sql.shuffle.partitions',
      'spark.sql.adaptive.enabled',
      'spark.serializer',
    ]);
    await userEvent.selectOptions(key, 'spark.sql.shuffle.partitions');
    expect(onValue).toHaveBeenLastCalledWith({
      'spark.sql.shuffle.partitions': '',
    });
    expect(screen.getByText('Give a value')).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Value 1' }),
      '64',
    );
    expect(onValue).toHaveBeenLastCalledWith({
      'spark.sql.shuffle.partitions': '64',
    });

    // a second row offers only the keys not taken
    await userEvent.click(add);
    expect(
      optionTexts(screen.getByRole('combobox', { name: 'Key 2' })),
    ).toEqual(['Pick a key', 'spark.sql.adaptive.enabled', 'spark.serializer']);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Key 2' }),
      'spark.sql.adaptive.enabled',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Value 2' }),
      'true',
    );
    expect(onValue).toHaveBeenLastCalledWith({
      'spark.sql.shuffle.partitions': '64',
      'spark.sql.adaptive.enabled': 'true',
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove Spark conf entry 1' }),
    );
    expect(onValue).toHaveBeenLastCalledWith({
      'spark.sql.adaptive.enabled': 'true',
    });
    expect(screen.getByRole('combobox', { name: 'Key 1' })).toHaveValue(
      'spark.sql.adaptive.enabled',
    );
  });

  it('says why a key given to the form is not allowed', async () => {
    renderEditor(withOptions(), { 'spark.master': 'local[*]' });

    expect(
      await screen.findByText(
        '"spark.master" is not an allowed Spark conf key (allowed: spark.sql.shuffle.partitions, spark.sql.adaptive.enabled, spark.serializer)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Key 1' })).toHaveValue(
      'spark.master',
    );
  });

  it("shows the backend's message when the keys cannot be read, and takes typed keys", async () => {
    const { onValue } = renderEditor(
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
        /Could not read the Spark conf keys the platform allows: Cluster local is unreachable: connect ECONNREFUSED/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Add a Spark conf entry' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Key 1' }),
      'spark.sql.shuffle.partitions',
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Value 1' }), '8');
    await waitFor(() =>
      expect(onValue).toHaveBeenLastCalledWith({
        'spark.sql.shuffle.partitions': '8',
      }),
    );
  });
});
