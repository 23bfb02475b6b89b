import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReferenceNames } from '../../../api/reference';
import { formatNumber } from '../../../components/format';
import { StatusBadge } from '../../../components/StatusBadge';
import type { HomeRequest } from '../api';

/**
 * One list of a home page: its title with how many rows it has in all, the first few rows, and
 * (when there are more, or always with `alwaysLink`) "N more" and a link to the whole list.
 */
export function HomeSection({
  title,
  total,
  shown,
  empty,
  link,
  linkLabel,
  alwaysLink = true,
  children,
  testId,
  actions,
}: {
  title: string;
  total: number;
  shown: number;
  empty: string;
  link?: string;
  linkLabel?: string;
  alwaysLink?: boolean;
  children: ReactNode;
  testId: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const more = Math.max(total - shown, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={testId} data-total={total}>
      <Group justify="space-between" align="center" mb="sm" wrap="nowrap" gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Badge variant="light" color={total > 0 ? 'trta' : 'gray'} c="dark.8" aria-label={t('home.count', { count: total, formatted: formatNumber(total) })}>
          {formatNumber(total)}
        </Badge>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="gray.7">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className="plain-list">
          {children}
        </Stack>
      )}
      {(actions || (link && (more > 0 || (alwaysLink && total > 0)))) && (
        <Group justify="space-between" mt="sm" gap="xs">
          {more > 0 ? (
            <Text size="sm" c="gray.7" data-testid={`${testId}-more`}>
              {t('home.more', { count: more, formatted: formatNumber(more) })}
            </Text>
          ) : (
            <span />
          )}
          <Group gap="sm">
            {actions}
            {link && linkLabel && (more > 0 || (alwaysLink && total > 0)) && (
              <Anchor component={Link} to={link} size="sm" fw={600}>
                {linkLabel}
              </Anchor>
            )}
          </Group>
        </Group>
      )}
    </Paper>
  );
}

/** One row of a home section: a title (usually a link), details under it, a badge or action on the side. */
export function HomeRow({ title, details, side, testId }: { title: ReactNode; details?: ReactNode; side?: ReactNode; testId?: string }) {
  return (
    <li data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          {details && (
            <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
              {details}
            </Text>
          )}
        </div>
        {side && <div style={{ flexShrink: 0 }}>{side}</div>}
      </Group>
    </li>
  );
}

/** A national request as a row of a home list: its quarter and country, its topics, its status. */
export function RequestRow({ request, to, testId }: { request: HomeRequest; to: string; testId: string }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  return (
    <HomeRow
      testId={testId}
      title={
        <Anchor component={Link} to={to}>
          {t('home.requestTitle', { quarter: request.preferredQuarter, country: names.country(request.country) })}
        </Anchor>
      }
      details={names.topics(request.topics)}
      side={<StatusBadge status={request.status} group="request" />}
    />
  );
}
