import { renderInTestApp } from '@backstage/frontend-test-utils';
import { nextRunTimes } from '@ml-platform/backstage-plugin-ml-platform-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  browserTimeZone,
  describeRun,
  type SparkScheduleValue,
} from './schedulePreview';
import { SparkSchedulePicker } from './SparkSchedulePicker';

type Value = Partial<SparkScheduleValue>;

/**
 * The field in a form with its "Run on a schedule" boolean: formContext
 * carries the form's data as the scaffolder's Stepper passes it.
 */
function ScheduleForm(props: {
  initial?: Value;
  scheduledBy?: string;
  initiallyScheduled?: boolean;
  onValue: (value: Value | undefined) => void;
}) {
  const [scheduled, setScheduled] = useState(props.initiallyScheduled ?? false);
  const [schedule, setSchedule] = useState<Value | undefined>(props.initial);
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={scheduled}
          onChange={e => setScheduled(e.target.checked)}
        />
        Run on a schedule
      </label>
      <SparkSchedulePicker
        {...({} as any)}
        schema={{ title: 'Schedule', type: 'object' }}
        uiSchema={
          props.scheduledBy
            ? { 'ui:options': { scheduledBy: props.scheduledBy } }
            : {}
        }
        idSchema={{ $id: 'root_schedule' } as any}
        formData={schedule}
        formContext={{ formData: { scheduled, schedule } }}
        rawErrors={[]}
        onChange={(value: Value | undefined) => {
          setSchedule(value);
          props.onValue(value);
        }}
      />
    </>
  );
}

function renderPicker(
  options: {
    initial?: Value;
    scheduledBy?: string;
    initiallyScheduled?: boolean;
  } = {},
) {
  const onValue = jest.fn();
  renderInTestApp(<ScheduleForm {...options} onValue={onValue} />);
  return { onValue };
}

const runsIn = (cron: string, timeZone: string) =>
  nextRunTimes(cron, { timeZone, count: 3 });

describe('SparkSchedulePicker', () => {
  it("starts at 02:00 daily in the browser's zone, without overlapping runs, and writes the next runs", async () => {
    const { onValue } = renderPicker();
    const zone = browserTimeZone();

    await waitFor(
      () =>
        expect(onValue).toHaveBeenLastCalledWith({
          cron: '0 2 * * *',
          timeZone: zone,
          concurrencyPolicy: 'Forbid',
          nextRuns: runsIn('0 2 * * *', zone),
        }),
      { timeout: 5000 },
    );
    expect(screen.getByRole('textbox', { name: /Cron schedule/ })).toHaveValue(
      '0 2 * * *',
    );
    expect(screen.getByRole('textbox', { name: 'Time zone' })).toHaveValue(
      zone,
    );
    expect(
      screen.getByRole('combobox', { name: 'Concurrency policy' }),
    ).toHaveValue('Forbid');
    const runs = within(screen.getByTestId('spark-schedule-next-runs'));
    expect(runs.getAllByRole('listitem')).toHaveLength(3);
    const first = describeRun(runsIn('0 2 * * *', zone)[0], zone, Date.now());
    expect(runs.getAllByRole('listitem')[0]).toHaveTextContent(
      `${first.when} (${first.relative})`,
    );
  });

  it('says why a cron would not run, and previews no runs', async () => {
    const { onValue } = renderPicker({
      initial: { cron: '0 2 * * *', timeZone: 'UTC' },
    });
    const cron = screen.getByRole('textbox', { name: /Cron schedule/ });

    await userEvent.clear(cron);
    await userEvent.type(cron, '0 2 * *');

    expect(onValue).toHaveBeenLastCalledWith(
      expect.objectContaining({ cron: '0 2 * *', nextRuns: [] }),
    );
    const message =
      'The cron schedule has 4 fields: give five (minute hour day-of-month month day-of-week), e.g. "0 2 * * *"';
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`No runs: ${message}`);
    expect(
      screen.queryByTestId('spark-schedule-next-runs'),
    ).not.toBeInTheDocument();
  });

  it('reads the cron in the chosen time zone and shows the runs there', async () => {
    const { onValue } = renderPicker({
      initial: { cron: '30 6 * * 1-5', timeZone: 'UTC' },
    });

    const zone = screen.getByRole('textbox', { name: 'Time zone' });
    await userEvent.click(zone);
    await userEvent.clear(zone);
    await userEvent.paste('Europe/Berl');
    await userEvent.click(
      screen.getByRole('option', { name: 'Europe/Berlin' }),
    );

    const expected = runsIn('30 6 * * 1-5', 'Europe/Berlin');
    expect(onValue).toHaveBeenLastCalledWith({
      cron: '30 6 * * 1-5',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      nextRuns: expected,
    });
    expect(screen.getByText('Next runs (Europe/Berlin)')).toBeInTheDocument();
    expect(
      screen.getByText(
        describeRun(expected[0], 'Europe/Berlin', Date.now()).when,
      ),
    ).toBeInTheDocument();
  });

  it('takes a concurrency policy', async () => {
    const { onValue } = renderPicker({
      initial: { cron: '@hourly', timeZone: 'UTC' },
    });

    const policy = screen.getByRole('combobox', { name: 'Concurrency policy' });
    expect(
      Array.from(policy.querySelectorAll('option')).map(o => o.textContent),
    ).toEqual([
      'Allow (runs may overlap)',
      'Forbid (no new run while the last one runs)',
      'Replace (stop the last run and start the new one)',
    ]);
    await userEvent.selectOptions(policy, 'Replace');
    expect(onValue).toHaveBeenLastCalledWith(
      expect.objectContaining({
        cron: '@hourly',
        concurrencyPolicy: 'Replace',
      }),
    );
  });

  it('shows only while "Run on a schedule" is on, holding {} while it is off', async () => {
    const { onValue } = renderPicker({
      scheduledBy: 'scheduled',
      initial: { cron: '0 2 * * *', timeZone: 'UTC', nextRuns: [] },
    });

    // off: a schedule given to the form is dropped, for the review
    await waitFor(() => expect(onValue).toHaveBeenLastCalledWith({}), {
      timeout: 5000,
    });
    expect(
      screen.queryByRole('textbox', { name: /Cron schedule/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Run on a schedule'));
    const cron = await screen.findByRole('textbox', { name: /Cron schedule/ });
    await waitFor(() =>
      expect(onValue).toHaveBeenLastCalledWith(
        expect.objectContaining({
          cron: '0 2 * * *',
          concurrencyPolicy: 'Forbid',
        }),
      ),
    );
    await userEvent.clear(cron);
    await userEvent.type(cron, '@weekly');

    await userEvent.click(screen.getByLabelText('Run on a schedule'));
    expect(onValue).toHaveBeenLastCalledWith({});
    expect(
      screen.queryByRole('textbox', { name: /Cron schedule/ }),
    ).not.toBeInTheDocument();

    // on again: the schedule typed before comes back
    await userEvent.click(screen.getByLabelText('Run on a schedule'));
    expect(
      await screen.findByRole('textbox', { name: /Cron schedule/ }),
    ).toHaveValue('@weekly');
    expect(onValue).toHaveBeenLastCalledWith(
      expect.objectContaining({ cron: '@weekly' }),
    );
  });
});
