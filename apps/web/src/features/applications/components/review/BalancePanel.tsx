import { Anchor, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../components/Loading';
import { RefusalAlert } from './refusals';
import type { Balance } from '../../api';
import { useCountryNames } from './ReviewFilters';

type Group = 'country' | 'region' | 'gender' | 'ldc';
const GROUPS: readonly Group[] = ['country', 'region', 'gender', 'ldc'];
const SHOWN = 6;

/** Seats the checked applications would take, by group key, for the preview beside the seats held. */
export type CheckedByGroup = Record<Group, Map<string, number>>;

/**
 * The balance of the selection beside the list: for each country, region, gender and LDC group,
 * the seats its applicants hold against the activity's seats and how many of them applied; with
 * `checked`, what selecting the checked applications would add.
 */
export function BalancePanel({ balance, error, checked }: { balance: Balance | undefined; error: unknown; checked?: CheckedByGroup }) {
  const { t } = useTranslation();
  const countryName = useCountryNames();
  const [expanded, setExpanded] = useState<Record<Group, boolean>>({ country: false, region: false, gender: false, ldc: false });
  const label = (group: Group, key: string): string => {
    if (group === 'country') return countryName(key);
    if (group === 'region') return t(`review.regions.${key}`, { defaultValue: key });
    if (group === 'gender') return t(`review.genders.${key}`, { defaultValue: key });
    return t(`review.balance.ldcKeys.${key}`, { defaultValue: key });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="balance-heading" data-testid="balance-panel">
      <Title order={2} size="h4" id="balance-heading" mb="xs">
        {t('review.balance.title')}
      </Title>
      {error ? <RefusalAlert error={error} /> : null}
      {!balance ? (
        !error && <Loading />
      ) : (
        <Stack gap="md">
          <div>
            <Text data-testid="seats-left" aria-live="polite">
              {t('staff.applications.seatsLeft', { left: balance.seats.left, capacity: balance.seats.capacity, taken: balance.seats.taken })}
            </Text>
            <Progress value={balance.seats.capacity ? (balance.seats.taken / balance.seats.capacity) * 100 : 0} mt={4} aria-label={t('staff.applications.seats')} />
          </div>
          {GROUPS.map((group) => {
            const rows = balance[group];
            const shown = expanded[group] ? rows : rows.slice(0, SHOWN);
            return (
              <div key={group}>
                <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} data-testid={`balance-${group}`}>
                  <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, color: 'var(--mantine-color-dark-7)' }}>
                    {t(`review.balance.${group}`)}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('review.balance.group')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('review.balance.seatsHeld')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('review.balance.applied')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={3}>{t('review.balance.empty')}</Table.Td>
                      </Table.Tr>
                    )}
                    {shown.map((row) => {
                      const adding = checked?.[group].get(row.key) ?? 0;
                      return (
                        <Table.Tr key={row.key} data-testid={`balance-${group}-${row.key}`}>
                          <Table.Th scope="row" fw={400}>
                            {label(group, row.key)}
                          </Table.Th>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {t('review.balance.ofSeats', { selected: row.selected, capacity: balance.seats.capacity })}
                            {adding > 0 && (
                              <Text size="xs" c="blue.9" fw={600}>
                                {t('review.balance.adding', { count: adding })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{row.applications}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
                {rows.length > SHOWN && (
                  <Anchor component="button" type="button" size="sm" onClick={() => setExpanded((current) => ({ ...current, [group]: !current[group] }))}>
                    {expanded[group] ? t('review.balance.showFewer') : t('review.balance.showAll', { count: rows.length })}
                  </Anchor>
                )}
              </div>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
