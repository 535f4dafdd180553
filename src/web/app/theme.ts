import {
  createTheme,
  Modal,
  Notification,
  Select,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';

/**
 * Mantine defaults with darker shades where the default fails WCAG AA contrast on white
 * (blue-6 buttons, gray-6 descriptions and red-6 error text are all below 4.5:1), and names for
 * the icon-only close/clear buttons, which Mantine leaves unnamed (axe: button-name).
 */
export function makeTheme(labels: { close: string; clear: string }): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'sm',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': labels.close } },
        // The message under a title is gray-6 by default (3.3:1); it is the important part.
        styles: { description: { color: 'var(--mantine-color-gray-8)' } },
      }),
      Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } }),
      DatePickerInput: DatePickerInput.extend({
        defaultProps: { clearButtonProps: { 'aria-label': labels.clear } },
      }),
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // Text of light/subtle variants (badges, alert titles) on their pale backgrounds: shade 9 of
    // these bright hues is still below 4.5:1, so use darker tones of the same hue.
    '--mantine-color-green-light-color': '#1b6b2d',
    '--mantine-color-teal-light-color': '#0a5c44',
    '--mantine-color-lime-light-color': '#3d5c0b',
    '--mantine-color-yellow-light-color': '#6e4a00',
    '--mantine-color-orange-light-color': '#8c3a00',
    '--mantine-color-cyan-light-color': '#0a5566',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
