import { Button } from '@mantine/core';
import { useLocale, useT } from '../app/i18n';
import { useChangeLocale } from '../app/session';

/** Toggles between Bahasa Indonesia and English; the button names the other language. */
export function LanguageSwitch() {
  const t = useT();
  const { locale } = useLocale();
  const change = useChangeLocale();
  const next = locale === 'id' ? 'en' : 'id';
  return (
    <Button
      variant="default"
      size="xs"
      onClick={() => change(next)}
      aria-label={t('lang.switchToLabel')}
      lang={next}
      data-testid="language-switch"
    >
      {t('lang.switchTo')}
    </Button>
  );
}
