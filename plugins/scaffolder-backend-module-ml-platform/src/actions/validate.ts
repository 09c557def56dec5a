import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  describeIssues,
  validateDnsLabel,
  validateQuantity,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/**
 * `ml-platform:validate`: checks a template's names and quantities with the
 * suite's validators before any step creates something, and fails the task
 * naming each rejected field and the reason.
 *
 * @public
 */
export function createValidateAction() {
  return createTemplateAction({
    id: 'ml-platform:validate',
    description:
      'Checks names (DNS-1123 labels) and Kubernetes quantities before anything is created',
    supportsDryRun: true,
    examples: [
      {
        description: 'Check a project name and its memory request',
        example: [
          'steps:',
          '  - id: validate',
          '    action: ml-platform:validate',
          '    input:',
          '      names:',
          '        name: ${{ parameters.name }}',
          '      quantities:',
          '        memory: ${{ parameters.memory }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        names: z =>
          z
            .record(z.string())
            .optional()
            .describe(
              'Field name to value; each value must be a DNS-1123 label',
            ),
        quantities: z =>
          z
            .record(z.union([z.string(), z.number()]))
            .optional()
            .describe(
              'Field name to value; each value must be a Kubernetes quantity',
            ),
      },
      output: {
        checked: z => z.number().describe('How many values were checked'),
      },
    },
    async handler(ctx) {
      const names = Object.entries(ctx.input.names ?? {});
      const quantities = Object.entries(ctx.input.quantities ?? {});
      const issues = [
        ...names.flatMap(([field, value]) => validateDnsLabel(field, value)),
        ...quantities.flatMap(([field, value]) =>
          validateQuantity(field, value),
        ),
      ];
      if (issues.length > 0) {
        throw new InputError(describeIssues(issues));
      }
      ctx.logger.info(
        `${names.length + quantities.length} values are valid: ${[
          ...names,
          ...quantities,
        ]
          .map(([field]) => field)
          .join(', ')}`,
      );
      ctx.output('checked', names.length + quantities.length);
    },
  });
}
