import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import type { ConfigResource } from '../../../api/config';
import { errorText } from '../../../api/errorText';
import type { Page } from '../../../api/page';
import { useEventStream } from '../../../events/useEventStream';

export interface Column<Document> {
  label: string;
  render(document: Document): ReactNode;
  align?: 'left' | 'right' | 'center';
}

interface Props<Document extends { id: number }> {
  title: string;
  resource: Pick<ConfigResource<unknown, Document>, 'list'>;
  columns: Column<Document>[];
  /** What the row's test id says: `admin-row-<key>` (a group's name, a reason's code). */
  rowKey(document: Document): string;
  /** Where a click on a row goes; none: rows are not opened. */
  rowPath?(document: Document): string;
  /** Where "New" goes; none: no such button. */
  newPath?: string;
  /** The `config` event kind that means this list changed (`group`, `skill`, …). */
  configKind?: string;
  /** Extra per-row actions. */
  actions?(document: Document, reload: () => void): ReactNode;
  /** Above the table (e.g. a create form that is not a page of its own). */
  header?(reload: () => void): ReactNode;
}

const ROWS_PER_PAGE = [25, 50, 100];

/** A configuration list: filter (`?q=`), pages, a row per document, "New". */
export function EntityList<Document extends { id: number }>(props: Props<Document>) {
  const { title, resource, columns, rowKey, rowPath, newPath, configKind } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const flash = location.state as { saved?: string; deleted?: string } | null;
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(50);
  const [page, setPage] = useState<Page<Document> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  // The filter is sent a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(filter.trim());
      setOffset(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [filter]);

  useEffect(() => {
    const abort = new AbortController();
    resource
      .list({ offset, limit, q: query }, abort.signal)
      .then((answer) => {
        setPage(answer);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setError(errorText(failure, t));
      });
    return () => abort.abort();
  }, [resource, offset, limit, query, generation, t]);

  useEventStream(
    {
      config: (data) => {
        if (configKind !== undefined && (data as { kind?: unknown } | null)?.kind === configKind) reload();
      },
    },
    reload,
    configKind !== undefined,
  );

  return (
    <Stack spacing={2} data-testid="entity-list">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <TextField
          size="small"
          label={t('admin.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'admin-filter' } }}
        />
        {newPath !== undefined && (
          <Button variant="contained" component={RouterLink} to={newPath} data-testid="admin-new">
            {t('admin.new')}
          </Button>
        )}
      </Stack>
      {flash?.saved !== undefined && (
        <Alert severity="success" data-testid="admin-saved">
          {t('admin.saved', { name: flash.saved })}
        </Alert>
      )}
      {flash?.deleted !== undefined && (
        <Alert severity="success" data-testid="admin-deleted">
          {t('admin.deleted', { name: flash.deleted })}
        </Alert>
      )}
      {props.header?.(reload)}
      {error !== null && (
        <Alert severity="error" data-testid="admin-list-error">
          {error}
        </Alert>
      )}
      <Paper variant="outlined">
        <TableContainer>
          <Table size="small" data-testid="admin-table">
            <TableHead>
              <TableRow>
                {columns.map((column) => (
                  <TableCell key={column.label} align={column.align}>
                    {column.label}
                  </TableCell>
                ))}
                {props.actions !== undefined && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {(page?.items ?? []).map((document) => {
                const path = rowPath?.(document);
                return (
                  <TableRow
                    key={document.id}
                    hover={path !== undefined}
                    onClick={path === undefined ? undefined : () => navigate(path)}
                    sx={{ cursor: path === undefined ? undefined : 'pointer' }}
                    data-testid={`admin-row-${rowKey(document)}`}
                    data-id={document.id}
                  >
                    {columns.map((column) => (
                      <TableCell key={column.label} align={column.align}>
                        {column.render(document)}
                      </TableCell>
                    ))}
                    {props.actions !== undefined && (
                      <TableCell align="right" onClick={(event) => event.stopPropagation()}>
                        {props.actions(document, reload)}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
              {page !== null && page.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={columns.length + 1} data-testid="admin-empty">
                    {t('admin.empty')}
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        {page !== null && (
          <TablePagination
            component="div"
            count={page.total}
            page={Math.floor(offset / limit)}
            rowsPerPage={limit}
            rowsPerPageOptions={ROWS_PER_PAGE}
            onPageChange={(_, next) => setOffset(next * limit)}
            onRowsPerPageChange={(event) => {
              setLimit(Number(event.target.value));
              setOffset(0);
            }}
            labelRowsPerPage={t('admin.rowsPerPage')}
            labelDisplayedRows={({ from, to, count }) => t('admin.displayedRows', { from, to, count })}
            data-testid="admin-pagination"
          />
        )}
      </Paper>
    </Stack>
  );
}
