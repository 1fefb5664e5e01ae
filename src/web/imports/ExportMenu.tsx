import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { interactionExportUrl } from '../api/support.ts';
import type { ExportLayout } from '../api/support.ts';

const layouts: { layout: ExportLayout; label: string; hint: string }[] = [
  { layout: 'long', label: 'Long CSV', hint: 'one row per interaction × component' },
  { layout: 'wide', label: 'Wide CSV', hint: 'one row per interaction' },
  { layout: 'redcap-records', label: 'REDCap records', hint: 'flat CSV for a REDCap project' },
  { layout: 'redcap-dictionary', label: 'REDCap data dictionary', hint: 'the 18 standard columns' },
];

/** Downloads the organization's live interactions in each layout the import reads (and REDCap's). */
export function ExportMenu({ orgId, label = 'Export' }: { orgId: string; label?: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {layouts.map(({ layout, label: name, hint }) => (
          <Menu.Item key={layout} component="a" href={interactionExportUrl(orgId, layout)} download>
            {name}
            <span
              style={{
                display: 'block',
                fontSize: 'var(--mantine-font-size-xs)',
                color: 'var(--mantine-color-dimmed)',
              }}
            >
              {hint}
            </span>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
