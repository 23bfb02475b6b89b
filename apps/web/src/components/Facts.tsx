import { SimpleGrid, Text, type SimpleGridProps } from '@mantine/core';

export type Fact = readonly [label: string, value: string];

/** Label–value pairs as a description list (dl, dt, dd) in a grid of columns: an activity's, an application's, an account's facts. */
export function Facts({ facts, cols = { base: 1, sm: 2 }, ...grid }: { facts: readonly Fact[]; 'data-testid'?: string } & Omit<SimpleGridProps, 'component' | 'children'>) {
  return (
    <SimpleGrid cols={cols} component="dl" m={0} {...grid}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="gray.7" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
