import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { RunSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { formatMetric } from '../Mlflow/formatValue';
import { seriesColor } from '../Mlflow/seriesColors';
import { paramMetricPoints } from './chartData';
import { KeySelect } from './KeySelect';

/** jsdom measures nothing: charts start at this size until the browser tells otherwise. */
const INITIAL_SIZE = { width: 640, height: 320 };

type Props = {
  runs: RunSummary[];
  labels: Map<string, string>;
  paramKeys: string[];
  metricKeys: string[];
  defaultParam?: string;
  defaultMetric?: string;
};

function pick(
  chosen: string | undefined,
  options: string[],
  fallback?: string,
) {
  return chosen && options.includes(chosen) ? chosen : fallback ?? options[0];
}

/**
 * A param against a metric, one point (and legend entry) per selected run.
 * Numeric params get a numeric axis, others a category axis.
 */
export function ParamMetricScatter(props: Props) {
  const { runs, labels, paramKeys, metricKeys } = props;
  const [chosenParam, setParam] = useState<string>();
  const [chosenMetric, setMetric] = useState<string>();
  const param = pick(chosenParam, paramKeys, props.defaultParam);
  const metric = pick(chosenMetric, metricKeys, props.defaultMetric);

  if (!param || !metric) {
    return (
      <Typography variant="body2" color="textSecondary">
        The selected runs need params and metrics to be compared here.
      </Typography>
    );
  }
  const { numeric, points, missing } = paramMetricPoints(
    runs,
    param,
    metric,
    labels,
  );
  return (
    <Box data-testid="param-metric-chart">
      <Box display="flex" alignItems="center" gridGap={16} mb={2}>
        <Typography variant="h6" component="h3">
          Parameter against metric
        </Typography>
        <KeySelect
          id="param-metric-param"
          label="Parameter"
          options={paramKeys}
          value={param}
          onChange={setParam}
        />
        <KeySelect
          id="param-metric-metric"
          label="Metric"
          options={metricKeys}
          value={metric}
          onChange={setMetric}
        />
      </Box>
      {points.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None of the selected runs has both {param} and {metric}.
        </Typography>
      ) : (
        <ResponsiveContainer
          width="100%"
          height={INITIAL_SIZE.height}
          initialDimension={INITIAL_SIZE}
        >
          <ScatterChart
            margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
            accessibilityLayer
            aria-label={`${metric} against ${param}`}
          >
            <CartesianGrid strokeDasharray="3 3" />
            {numeric ? (
              <XAxis
                dataKey="x"
                type="number"
                name={param}
                domain={['dataMin', 'dataMax']}
                padding={{ left: 40, right: 40 }}
                allowDecimals={!points.every(p => Number.isInteger(p.x))}
                label={{ value: param, position: 'insideBottom', offset: -12 }}
              />
            ) : (
              <XAxis
                dataKey="x"
                type="category"
                name={param}
                allowDuplicatedCategory={false}
                padding={{ left: 40, right: 40 }}
                label={{ value: param, position: 'insideBottom', offset: -12 }}
              />
            )}
            <YAxis
              dataKey="y"
              type="number"
              name={metric}
              domain={['auto', 'auto']}
              padding={{ top: 16, bottom: 16 }}
              tickFormatter={v => formatMetric(v)}
              width={64}
            />
            <ZAxis range={[120, 120]} />
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              formatter={(v, name) =>
                name === metric ? formatMetric(Number(v)) : String(v)
              }
            />
            <Legend verticalAlign="top" itemSorter={null} />
            {points.map(point => (
              <Scatter
                key={point.runId}
                name={point.label}
                data={[point]}
                fill={seriesColor(runs.findIndex(r => r.id === point.runId))}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      )}
      {missing.length > 0 && points.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          Without {param} or {metric}: {missing.join(', ')}.
        </Typography>
      )}
    </Box>
  );
}
