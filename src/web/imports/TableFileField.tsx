import { FileInput } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';

/** The file types an import reads: CSV and XLSX. */
const tableFileTypes = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file field of an import page: one CSV or XLSX file, clearable. */
export function TableFileField({
  description,
  value,
  onChange,
}: {
  description: string;
  value: File | null;
  onChange: (file: File | null) => void;
}) {
  return (
    <FileInput
      label="File"
      description={description}
      placeholder="Choose a file"
      accept={tableFileTypes}
      leftSection={<IconFileUpload size={18} aria-hidden />}
      value={value}
      onChange={onChange}
      clearable
      clearButtonProps={{ 'aria-label': 'Clear the file' }}
    />
  );
}
