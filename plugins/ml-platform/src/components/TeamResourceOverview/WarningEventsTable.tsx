import {
  SubvalueCell,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { WarningEvent } from '@ml-platform/backstage-plugin-ml-platform-common';
import { formatRelativeTime } from './formatRelativeTime';

const PAGE_SIZE = 5;

function lastSeenMillis(event: WarningEvent): number {
  return event.lastSeen ? Date.parse(event.lastSeen) || 0 : 0;
}

function columns(now: number): TableColumn<WarningEvent>[] {
  return [
    {
      title: 'What happened',
      field: 'summary',
      render: event => (
        <SubvalueCell
          value={event.summary}
          subvalue={`${event.reason}: ${event.message}`}
        />
      ),
    },
    { title: 'Object', field: 'object' },
    { title: 'Count', field: 'count', type: 'numeric' },
    {
      title: 'Last seen',
      field: 'lastSeen',
      defaultSort: 'desc',
      customSort: (a, b) => lastSeenMillis(a) - lastSeenMillis(b),
      render: event => (
        <span title={event.lastSeen}>
          {formatRelativeTime(event.lastSeen, now) ?? 'unknown'}
        </span>
      ),
    },
  ];
}

/** The recent Warning events of a namespace, newest first. */
export function WarningEventsTable({ events }: { events: WarningEvent[] }) {
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No recent warnings.
      </Typography>
    );
  }
  const paged = events.length > PAGE_SIZE;
  return (
    <Table<WarningEvent>
      options={{
        paging: paged,
        pageSize: PAGE_SIZE,
        pageSizeOptions: [PAGE_SIZE, 10, 20],
        search: paged,
        toolbar: paged,
        padding: 'dense',
      }}
      columns={columns(Date.now())}
      data={events}
    />
  );
}
