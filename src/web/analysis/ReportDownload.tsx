import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileDownload } from '@tabler/icons-react';
import type { ReportFormat } from './analysis-api.ts';

interface ReportDownloadProps {
  /** The report's address in each format. */
  urlOf: (format: ReportFormat) => string;
  label?: string;
}

/** A "Report" button that downloads the report as an HTML page or a PDF. */
export function ReportDownload({ urlOf, label = 'Report' }: ReportDownloadProps) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileDownload size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={urlOf('pdf')} download>
          PDF
        </Menu.Item>
        <Menu.Item component="a" href={urlOf('html')} download>
          HTML page
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
