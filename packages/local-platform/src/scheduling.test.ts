import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from './paths.ts';
import { KWOK_NODE_LABEL, kwokFiles, loadNodes } from './scheduling.ts';

describe('the committed kwok files', () => {
  const files = kwokFiles({ repoRoot: findRepoRoot(__dirname) });

  it('declare three nodes of 8 CPU and 32 GiB, one a tainted GPU node with 2 GPUs, all labelled as kwok nodes', () => {
    const nodes = loadNodes(files.nodes) as any[];
    expect(nodes.map(n => n.metadata.name)).toEqual([
      'kwok-cpu-1',
      'kwok-cpu-2',
      'kwok-gpu-1',
    ]);
    for (const node of nodes) {
      expect(node.metadata.annotations['kwok.x-k8s.io/node']).toBe('fake');
      expect(node.metadata.labels[KWOK_NODE_LABEL]).toBe('true');
      expect(node.status.allocatable).toMatchObject({
        cpu: '8',
        memory: '32Gi',
      });
    }
    const gpu = nodes[2];
    expect(gpu.status.allocatable['nvidia.com/gpu']).toBe('2');
    expect(gpu.spec.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]);
  });

  it('have Stages for pods and nodes only', () => {
    expect(files.stages.map(file => path.basename(file))).toEqual([
      'nodes.yaml',
      'pods.yaml',
      'spark.yaml',
    ]);
    const kinds = files.stages.flatMap(file =>
      [
        ...fs
          .readFileSync(file, 'utf8')
          .matchAll(/resourceRef:\s*\n\s*apiGroup: (\S+)\s*\n\s*kind: (\S+)/g),
      ].map(match => `${match[1]}/${match[2]}`),
    );
    expect(new Set(kinds)).toEqual(new Set(['v1/Node', 'v1/Pod']));
  });

  it('refuse a document that is not a named Node, naming the file', () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'kwok-nodes-')),
      'nodes.yaml',
    );
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n');
    expect(() => loadNodes(file)).toThrow(
      `${file}: every document must be a Node with a name`,
    );
  });
});
