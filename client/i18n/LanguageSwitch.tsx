import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './language.js';

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { pl: 'Polski', en: 'English' };

/** Buttons rather than a select: two choices, each one click, each named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="button button--small"
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
