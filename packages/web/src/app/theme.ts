import { createTheme } from '@mantine/core';

const FONT_STACK =
  '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "IPAexGothic", "Yu Gothic UI", Meiryo, system-ui, -apple-system, "Segoe UI", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Uppercase labels suit neither Japanese nor short English statuses.
    Badge: { styles: { root: { textTransform: 'none' } } },
    // Mount option lists only while open: a hidden listbox labelled like its input would make
    // label lookups (screen readers' and tests' alike) ambiguous.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
  },
});
