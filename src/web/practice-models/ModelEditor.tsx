import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ModelTextFormat } from '../../model/format.ts';
import type { ModelIssue } from '../../model/schema.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { notifyDone, notifyFailure } from '../notify.ts';
import { convertModelText, formatOfFile } from './editor-text.ts';
import { locateIssuePath, syntaxErrorLocation } from './issue-location.ts';
import { ModelIssueList } from './ModelIssueList.tsx';
import { ModelTextEditor, revealOffset } from './ModelTextEditor.tsx';
import { modelPagePath } from './model-paths.ts';
import { useModelValidation } from './useModelValidation.ts';
import { usePublishModel } from './usePublishModel.ts';

interface ModelEditorProps {
  orgId: string;
  initialText: string;
  /** Where Cancel leads. */
  backTo: string;
  publishLabel: string;
}

/** Edits a model document as text, checks it while it is typed, and publishes it as a new version. */
export function ModelEditor({ orgId, initialText, backTo, publishLabel }: ModelEditorProps) {
  const navigate = useNavigate();
  const [text, setText] = useState(initialText);
  const [format, setFormat] = useState<ModelTextFormat>('yaml');
  const [refusal, setRefusal] = useState<{ message: string; issues: ModelIssue[] } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const validation = useModelValidation(orgId, text, format);
  const publish = usePublishModel(orgId);

  const changeText = (next: string) => {
    setText(next);
    setRefusal(null);
  };

  const showIssue = (issue: ModelIssue) => {
    const element = textarea.current;
    if (!element) return;
    const location = issue.path === '' ? syntaxErrorLocation(text, issue.message) : locateIssuePath(text, issue.path);
    if (location) revealOffset(element, location.start, location.end);
    else element.focus();
  };

  const switchFormat = (next: string) => {
    const target = next === 'json' ? 'json' : 'yaml';
    const converted = convertModelText(text, format, target);
    if (converted === undefined) return;
    setFormat(target);
    changeText(converted);
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    const content = await file.text();
    setFormat(formatOfFile(file.name, content));
    changeText(content);
    notifyDone(`Loaded ${file.name} into the editor. Check it, then publish.`);
  };

  const submit = async () => {
    try {
      const published = await publish.mutateAsync({ text, format });
      notifyDone(`Published ${published.name} ${published.version}.`);
      await navigate(modelPagePath(orgId, published.id, published.version));
    } catch (error) {
      if (isApiError(error) && error.details.length > 0) setRefusal({ message: error.message, issues: error.details });
      else notifyFailure('The model was not published', error);
    }
  };

  const errorCount = validation.errors.length;
  const warningCount = validation.warnings.length;
  const status = validation.checking ? (
    <Group gap={6} wrap="nowrap">
      <Loader size={14} aria-hidden />
      <Text fz="sm">
        {errorCount > 0
          ? `${errorCount} error${errorCount === 1 ? '' : 's'}; checking with the stored versions…`
          : 'Checking with the stored versions…'}
      </Text>
    </Group>
  ) : errorCount > 0 ? (
    <Group gap={6} wrap="nowrap" c="red.9">
      <IconAlertCircle size={18} aria-hidden />
      <Text fz="sm" fw={600}>
        {errorCount} error{errorCount === 1 ? '' : 's'}
        {warningCount > 0 && `, ${warningCount} warning${warningCount === 1 ? '' : 's'}`}
      </Text>
    </Group>
  ) : validation.publishable ? (
    <Group gap={6} wrap="nowrap" c="teal.9">
      <IconCircleCheck size={18} aria-hidden />
      <Text fz="sm" fw={600}>
        Valid{warningCount > 0 && `, with ${warningCount} warning${warningCount === 1 ? '' : 's'}`}: ready to publish
      </Text>
    </Group>
  ) : (
    <Text fz="sm" c="red.9">
      {validation.serverError
        ? `Could not check with the server: ${errorMessageOf(validation.serverError)}`
        : 'Not checked yet'}
    </Text>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label="Text format"
          value={format}
          onChange={switchFormat}
          disabled={!validation.parses}
          data={[
            { value: 'yaml', label: 'YAML' },
            { value: 'json', label: 'JSON' },
          ]}
        />
        <FileButton
          onChange={(file) => void importFile(file)}
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        >
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              Import from a file
            </Button>
          )}
        </FileButton>
      </Group>

      <ModelTextEditor
        id="model-text"
        label="Model document"
        description="Tab indents by two spaces; press Escape, then Tab, to leave the editor. See docs/model.schema.json for every field."
        value={text}
        onChange={changeText}
        textareaRef={textarea}
        invalid={errorCount > 0}
        describedBy="model-check-status"
      />

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="model-check-heading">
        <Stack gap="xs">
          <Group justify="space-between" gap="sm">
            <Title order={2} fz="md" id="model-check-heading">
              Validation
            </Title>
            <div id="model-check-status" role="status" aria-live="polite">
              {status}
            </div>
          </Group>
          <ModelIssueList
            id="model-issues"
            errors={validation.errors}
            warnings={validation.warnings}
            onSelect={showIssue}
          />
          {errorCount + warningCount > 0 && (
            <Text fz="xs" c="dimmed">
              Choose a problem to move the cursor to its place in the text.
            </Text>
          )}
        </Stack>
      </Paper>

      {refusal && (
        <Alert
          color="red"
          variant="light"
          title="Publishing was refused"
          role="alert"
          icon={<IconAlertCircle size={18} aria-hidden />}
        >
          <Text fz="sm" mb="xs">
            {refusal.message}
          </Text>
          <ModelIssueList id="model-refusal" errors={refusal.issues} warnings={[]} onSelect={showIssue} />
        </Alert>
      )}

      <Group justify="flex-end" gap="sm">
        <Anchor component={Link} to={backTo} fz="sm">
          Cancel
        </Anchor>
        <Button onClick={() => void submit()} disabled={!validation.publishable} loading={publish.isPending}>
          {publishLabel}
        </Button>
      </Group>
    </Stack>
  );
}
