import type { MenuItemConstructorOptions } from 'electron';

import { format } from '@shared/i18n/format';

/**
 * The application menu. SECURITY: a packaged build has no developer tools and no reload in it
 * (a reload drops what is being typed; the tools would open the desk's data to anyone at the
 * keyboard); a development run keeps them. The Edit menu stays everywhere: on macOS it is what
 * makes copy and paste work in the page.
 */
export function appMenuTemplate(options: {
  packaged: boolean;
  platform: string;
  productName: string;
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  return [
    ...(mac
      ? [
          {
            label: options.productName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: format('host.menu.file'), submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: format('host.menu.edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: format('host.menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    {
      label: format('host.menu.window'),
      submenu: [
        { role: 'minimize' },
        ...(mac
          ? [{ role: 'zoom' } satisfies MenuItemConstructorOptions]
          : [{ role: 'close' } satisfies MenuItemConstructorOptions]),
      ],
    },
  ];
}
