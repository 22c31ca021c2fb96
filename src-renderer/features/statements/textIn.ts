import { isRightToLeft } from '@shared/domain/statements/languages';

/** The attributes that mark an element's text as written in `language`: its tag, and the way it runs. */
export const textIn = (language: string): { lang: string; dir: 'rtl' | 'ltr' } => ({
  lang: language,
  dir: isRightToLeft(language) ? 'rtl' : 'ltr',
});
