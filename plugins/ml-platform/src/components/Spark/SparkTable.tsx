import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/** A dash for what is not known (yet). */
export const NONE = '—';

/** Bold name with lines below it (what it is, who made it). */
export function NameCell(props: { name: string; children?: ReactNode }) {
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <Typography
        variant="body2"
        style={{ fontWeight: 600, wordBreak: 'break-word' }}
      >
        {props.name}
      </Typography>
      {props.children}
    </Box>
  );
}

/** A value with a secondary line below it. */
export function TwoLines(props: {
  value: ReactNode;
  below?: ReactNode;
  title?: string;
}) {
  return (
    <span title={props.title}>
      <Typography variant="body2" component="span" display="block">
        {props.value}
      </Typography>
      {props.below && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          style={{ wordBreak: 'break-word' }}
        >
          {props.below}
        </Typography>
      )}
    </span>
  );
}

/**
 * One section of the Spark tab: its heading, then its table (paged and
 * searchable once it has more rows than a page) or a line saying it is empty.
 */
export function SparkSection<T extends object>(props: {
  title: string;
  testId: string;
  empty: string;
  columns: TableColumn<T>[];
  rows: T[];
  pageSize: number;
  reloading: boolean;
}) {
  const { rows, pageSize } = props;
  const paged = rows.length > pageSize;
  return (
    <Box component="section" aria-label={props.title} mb={3}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <div data-testid={props.testId}>
          <Table<T>
            options={{
              paging: paged,
              pageSize,
              pageSizeOptions: [pageSize, 2 * pageSize, 5 * pageSize],
              search: paged,
              toolbar: paged,
              padding: 'dense',
            }}
            isLoading={props.reloading}
            columns={props.columns}
            data={rows}
          />
        </div>
      )}
    </Box>
  );
}
