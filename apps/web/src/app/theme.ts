import { Anchor, Badge, createTheme } from '@mantine/core';

/** Colours chosen for WCAG AA contrast on white (axe's color-contrast rule). */
export const theme = createTheme({
  primaryColor: 'trta',
  primaryShade: 8,
  colors: {
    trta: ['#e8f1fa', '#cfe0f1', '#9dbfe3', '#689cd5', '#3f7fc9', '#2a6cc1', '#1d62bd', '#1c5d99', '#164a7a', '#0d3a63'],
  },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Links inside text must not rely on colour alone (axe's link-in-text-block rule).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A status is never cut to "Waitl…": a badge keeps its whole text, wrapping in a narrow column.
    Badge: Badge.extend({
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0, paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25, textAlign: 'center' },
      },
    }),
  },
});
