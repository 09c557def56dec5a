import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { type FormEvent, useEffect, useState } from 'react';

/** MLflow's documentation of the search syntax. */
export const SEARCH_SYNTAX_DOCS_URL =
  'https://mlflow.org/docs/latest/ml/search/search-runs/';

const EXAMPLE =
  "metrics.val_accuracy > 0.9 and params.model_type = 'random-forest'";

/**
 * The runs filter in MLflow's search syntax. The backend validates it; when
 * MLflow rejects it, its explanation shows as the field's error text.
 */
export function RunsFilterBox(props: {
  /** The filter in force. */
  applied: string;
  onApply: (filter: string) => void;
  /** Why the filter in force was rejected. */
  error?: string;
}) {
  const { applied, onApply, error } = props;
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [applied]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft.trim());
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      display="flex"
      alignItems="flex-start"
      gridGap={8}
      role="search"
      aria-label="Filter runs"
    >
      <TextField
        id="runs-filter"
        label="Filter runs (MLflow search syntax)"
        placeholder={EXAMPLE}
        value={draft}
        onChange={e => setDraft(e.target.value)}
        error={!!error}
        helperText={
          <span data-testid="runs-filter-helper">
            {error ?? (
              <>
                e.g. <code>{EXAMPLE}</code>. See{' '}
                <Link to={SEARCH_SYNTAX_DOCS_URL}>MLflow's search syntax</Link>.
              </>
            )}
          </span>
        }
        variant="outlined"
        size="small"
        fullWidth
        inputProps={{ spellCheck: false, 'data-testid': 'runs-filter-input' }}
      />
      <Button
        type="submit"
        variant="contained"
        color="primary"
        style={{ marginTop: 2 }}
      >
        Apply
      </Button>
      {applied && (
        <Button
          variant="text"
          style={{ marginTop: 2 }}
          onClick={() => {
            setDraft('');
            onApply('');
          }}
        >
          Clear
        </Button>
      )}
    </Box>
  );
}
