/**
 * `membrane check` / `membrane run` on hostile model files, through the built command (issue 9, items 1 and 2):
 * includes stay in the model's folder, only regular files are read, with a byte cap, and a file that is not a model
 * is never echoed. Each case: exit 2, one stderr line naming the field, the value as typed and what is allowed,
 * nothing on stdout, no stack trace, within the 30 s that test/cli/run.ts gives a run (a pipe or a device read
 * without the checks would block or fill memory and be killed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, MAIN, membrane } from './run.js';

const SECRET = 'TOPSECRET-c41b2e-do-not-echo';
const base = realpathSync(mkdtempSync(join(tmpdir(), 'membrane-cli-includes-')));
const home = join(base, 'model');
const outside = join(base, 'outside');
mkdirSync(home);
mkdirSync(outside);

function write(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

const lems = (target: string) => `<Lems>
  <Include file="Cells.xml"/>
  <Include file="${target}"/>
  <Simulation id="sim" length="5ms" step="0.025ms" target="net"/>
</Lems>
`;

write(join(outside, 'secret.nml'), `${SECRET}\n`);
write(join(outside, 'secret.txt'), `${SECRET}\n`);

/** Exit 2, one line naming `mentions`, and never the secret. */
function refused(args: readonly string[], mentions: readonly string[]): string {
  const line = expectUsageError(args, mentions);
  expect(line).not.toContain('TOPSECRET');
  expect(line).not.toMatch(/internal error/);
  return line;
}

describe('NeuroML/LEMS includes stay in the model folder', () => {
  it('--include-folder widens the folder on purpose: the NeuroML2 Ex5 example (it includes ../examples/) is refused without it and runs with it', () => {
    const neuroml2 = resolve('../shared/reference/neuroml/NeuroML2');
    const ex5 = join(neuroml2, 'LEMSexamples', 'LEMS_NML2_Ex5_DetCell.xml');
    refused(['run', ex5], ['<Include> file', '"../examples/NML2_SingleCompHHCell.nml"', 'inside the include folder']);
    const result = membrane(['run', ex5, '--include-folder', neuroml2, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).spikeCounts).toBeDefined();
    // A folder that does not exist is bad input, named as the option.
    refused(['check', ex5, '--include-folder', join(base, 'no-such-folder')], ['include folder', 'no-such-folder']);
  });

  it('<Include file="../outside/secret.nml">: exit 2 naming the include, the path as typed and the rule', () => {
    const line = refused(['check', write(join(home, 'LEMS_up.xml'), lems('../outside/secret.nml'))], ['LEMS_up.xml:3 <Include> file', '"../outside/secret.nml"', 'inside the include folder', '".." leaves']);
    expect(line.startsWith('membrane check: ')).toBe(true);
  });

  it('<Include file="../../../../../../../../etc/passwd"> and an absolute path: refused, nothing of the file shown', () => {
    const passwd = refused(['check', write(join(home, 'LEMS_passwd.xml'), lems('../../../../../../../../etc/passwd'))], ['<Include> file', 'etc/passwd', 'leaves the include folder']);
    expect(passwd).not.toMatch(/root:/);
    refused(['run', write(join(home, 'LEMS_abs.xml'), lems(join(outside, 'secret.nml'))), '--json'], ['<Include> file', 'absolute paths are refused']);
  });

  it('a symbolic link in the folder pointing outside: refused on its real path', () => {
    symlinkSync(join(outside, 'secret.nml'), join(home, 'link.nml'));
    refused(['check', write(join(home, 'LEMS_link.xml'), lems('link.nml'))], ['"link.nml"', 'symbolic link leads outside the include folder']);
  });

  it('XInclude (xi:include parse="text") is refused', () => {
    const text = `<neuroml xmlns:xi="http://www.w3.org/2001/XInclude" id="x">\n  <xi:include href="../outside/secret.txt" parse="text"/>\n</neuroml>\n`;
    refused(['check', write(join(home, 'xinclude.nml'), text)], ['xinclude.nml:2', '"xi:include"', 'XInclude is never followed']);
  });

  it('an included file that is not NeuroML is not echoed', () => {
    write(join(home, 'notes.nml'), `${SECRET}\n`);
    refused(['check', write(join(home, 'LEMS_notes.xml'), lems('notes.nml'))], ['notes.nml:1:1', 'well-formed XML']);
  });

  it('an include that is a FIFO is refused at once', () => {
    execFileSync('mkfifo', [join(home, 'pipe.nml')]);
    refused(['check', write(join(home, 'LEMS_pipe.xml'), lems('pipe.nml'))], ['<Include> file', '"pipe.nml"', 'a pipe (FIFO), not a regular file']);
  });

  it('the NeuroML2 reference examples: the HH tutorial (siblings only) is read; Ex5 (../examples) is refused', () => {
    const reference = resolve('..', 'shared', 'reference', 'neuroml');
    const tutorial = membrane(['check', join(reference, 'hodgkin_huxley_tutorial', 'Tutorial', 'Source', 'LEMS_HH_SingleAP.xml'), '--json']);
    expect(tutorial.stderr).toBe('');
    expect(tutorial.status).toBe(0);
    expect(JSON.parse(tutorial.stdout).valid).toBe(true);
    refused(['check', join(reference, 'NeuroML2', 'LEMSexamples', 'LEMS_NML2_Ex5_DetCell.xml')], ['<Include> file', '"../examples/NML2_SingleCompHHCell.nml"', 'leaves the include folder']);
  });
});

describe('model files: regular files only, bounded, never echoed', () => {
  it('a FIFO as the model: exit 2 at once naming <model> (a read would block)', () => {
    const fifo = join(home, 'model-pipe.json');
    execFileSync('mkfifo', [fifo]);
    refused(['check', fifo], ['<model>', 'model-pipe.json', 'a pipe (FIFO), not a regular file']);
    refused(['run', fifo, '--json'], ['<model>', 'a pipe (FIFO)']);
  });

  it('/dev/zero as the model: exit 2 naming it as a device (a read would never end)', () => {
    refused(['check', '/dev/zero'], ['<model>', '"/dev/zero"', 'a device, not a regular file']);
  });

  it('/dev/stdin fed by a pipe: refused as a pipe, not read', () => {
    // A shell pipe (spawnSync's own input would be a socket); the arguments reach sh as $0 and $1, never parsed as code.
    const result = spawnSync('sh', ['-c', 'printf \'{"name": "x"}\' | "$0" "$1" check /dev/stdin', process.execPath, MAIN], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, MEMBRANE_DEBUG: '' } });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^membrane check: <model>: got "\/dev\/stdin"; expected .* \(a pipe \(FIFO\), not a regular file\)\n$/);
  });

  it('a folder and a missing file as the model', () => {
    refused(['check', home], ['<model>', 'a directory, not a regular file']);
    refused(['check', join(home, 'missing.yaml')], ['<model>', 'missing.yaml', 'no such file']);
  });

  it('a model over the byte limit is refused before reading (sparse 17 MiB file)', () => {
    const big = write(join(home, 'big.yaml'), '');
    execFileSync('truncate', ['-s', String(17 * 1024 * 1024), big]);
    refused(['check', big], ['<model>', 'big.yaml', 'at most 16777216 bytes']);
  });

  it('a model file that is a secret, not a model: the message names the file, never the content', () => {
    refused(['check', write(join(home, 'secret.json'), `${SECRET}\n`)], ['secret.json:', 'valid JSON']);
    refused(['check', write(join(home, 'secret.yaml'), `${SECRET}\n`)], ['secret.yaml:1:1', 'got a single string']);
  });

  it('a long model path is quoted cut to 80 characters', () => {
    const line = refused(['check', `${'folder/'.repeat(40)}model.json`], ['<model>', '"folder/folder/', '…"', 'no such file']);
    expect(line.length).toBeLessThan(300);
  });
});
