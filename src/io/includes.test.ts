/**
 * NeuroML/LEMS includes stay inside the folder of the top-level file (issue 9, "Includes stay home"): absolute paths,
 * `..` escapes (also through a symbolic link), URLs and any XInclude are refused with one error naming the include
 * and the rule; only regular files are read; the content of a file that is not NeuroML is never echoed.
 *
 * Each hostile case would read a file outside the folder without the rule, so every test here names a file that
 * exists and that the importer could read and parse (a valid NeuroML cell outside the folder): the refusal must
 * come from the rule, not from a missing or malformed file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../units/errors.js';
import { readNeuroMLFile } from './neuroml.js';
import { MAX_INCLUDED_FILES, MAX_NEUROML_FILE_BYTES, MAX_NEUROML_TOTAL_BYTES } from './neuroml-includes.js';
import { MAX_XML_DEPTH } from './neuroml-xml.js';
import { neuromlDocument, passiveNeuromlCell } from './test-models.js';

/** A string that must never appear in a message: it stands for the content of a private file. */
const SECRET = 'TOPSECRET-7f3a9c-do-not-echo';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'membrane-includes-')));
const home = join(base, 'home');
const outside = join(base, 'outside');
mkdirSync(join(home, 'sub'), { recursive: true });
mkdirSync(outside);

function write(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

const CELL = neuromlDocument(`${passiveNeuromlCell()}
  <pulseGenerator id="pg" delay="1ms" duration="1ms" amplitude="10pA"/>
  <network id="net" temperature="6.3 degC">
    <population id="pop" component="c1" size="1"/>
    <explicitInput target="pop[0]" input="pg"/>
  </network>`, 'cellDoc');

/** A LEMS file that includes `target` (and the usual core types, absent here and skipped). */
const lems = (target: string, extra = '') => `<Lems>
  <Target component="sim"/>
  <Include file="Cells.xml"/>
  <Include file="NeuroML2CoreTypes/Simulation.xml"/>
  <Include file="${target}"/>${extra}
  <Simulation id="sim" length="5ms" step="0.025ms" target="net">
    <Display id="d"><Line id="v" quantity="pop[0]/v" scale="1mV"/></Display>
  </Simulation>
</Lems>
`;

const nmlIncluding = (href: string) =>
  `<?xml version="1.0"?>\n<neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="top">\n  <include href="${href}"/>\n</neuroml>\n`;

// A readable, valid cell outside the folder, the target of every escape below.
write(join(outside, 'cell.nml'), CELL);
write(join(outside, 'secret.txt'), `${SECRET}\n`);
write(join(home, 'cell.nml'), CELL);
write(join(home, 'sub', 'cell.nml'), CELL);

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('includes inside the folder are followed', () => {
  it('a sibling and a file in a subfolder are read; absent core-type includes are skipped', () => {
    expect(readNeuroMLFile(write(join(home, 'LEMS_sibling.xml'), lems('cell.nml'))).cells).toHaveLength(1);
    expect(readNeuroMLFile(write(join(home, 'LEMS_sub.xml'), lems('sub/cell.nml'))).cells).toHaveLength(1);
    expect(readNeuroMLFile(write(join(home, 'sub', 'LEMS_back.xml'), lems('../cell.nml')), { includeFolder: home }).cells).toHaveLength(1);
  });

  it('a ".." that stays inside the folder is allowed (sub/../cell.nml)', () => {
    expect(readNeuroMLFile(write(join(home, 'LEMS_dotdot.xml'), lems('sub/../cell.nml'))).cells).toHaveLength(1);
  });

  it('a symbolic link whose target is inside the folder is followed', () => {
    symlinkSync(join(home, 'sub', 'cell.nml'), join(home, 'inner-link.nml'));
    expect(readNeuroMLFile(write(join(home, 'LEMS_inner_link.xml'), lems('inner-link.nml'))).cells).toHaveLength(1);
  });

  it('an explicit includeFolder lets a file include a sibling folder (as the NeuroML2 examples do)', () => {
    const top = write(join(home, 'LEMS_wide.xml'), lems('../outside/cell.nml'));
    expect(errorOf(() => readNeuroMLFile(top)).allowed).toContain('leaves the include folder');
    expect(readNeuroMLFile(top, { includeFolder: base }).cells).toHaveLength(1);
  });
});

describe('includes that leave the folder are refused, naming the include and the rule', () => {
  it('<Include file="../outside/cell.nml"> (LEMS): ".." leaves the include folder', () => {
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_up.xml'), lems('../outside/cell.nml'))));
    expect(error.field).toBe(`${join(home, 'LEMS_up.xml')}:5 <Include> file`);
    expect(error.value).toBe('"../outside/cell.nml"');
    expect(error.allowed).toContain('a file inside the include folder');
    expect(error.allowed).toContain('".." leaves the include folder');
  });

  it('<include href="../../../../../../etc/passwd"> (NeuroML) is refused before anything is read', () => {
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'passwd.nml'), nmlIncluding('../../../../../../../../etc/passwd'))));
    expect(error.field).toMatch(/passwd\.nml:3 <include> href$/);
    expect(error.allowed).toContain('leaves the include folder');
    expect(error.message).not.toContain('root:');
  });

  it('an absolute path is refused, even to a readable NeuroML file', () => {
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_absolute.xml'), lems(join(outside, 'cell.nml')))));
    expect(error.field).toContain('<Include> file');
    expect(error.allowed).toContain('absolute paths are refused');
    expect(errorOf(() => readNeuroMLFile(write(join(home, 'abs.nml'), nmlIncluding('/etc/passwd')))).allowed).toContain('absolute paths are refused');
  });

  it('a symbolic link inside the folder that points outside is refused (checked on the real path)', () => {
    symlinkSync(join(outside, 'cell.nml'), join(home, 'escape-link.nml'));
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_link.xml'), lems('escape-link.nml'))));
    expect(error.field).toContain('<Include> file');
    expect(error.value).toBe('"escape-link.nml"');
    expect(error.allowed).toContain('symbolic link leads outside the include folder');
  });

  it('a symbolic link to a folder outside is refused too (linked/cell.nml)', () => {
    symlinkSync(outside, join(home, 'linked'));
    expect(errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_linked.xml'), lems('linked/cell.nml')))).allowed).toContain('symbolic link leads outside');
  });

  it('URLs, including file:, are not fetched', () => {
    expect(errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_url.xml'), lems(`file://${join(outside, 'cell.nml')}`)))).allowed).toContain('URLs are not fetched');
  });
});

describe('XInclude is refused outright', () => {
  it('<xi:include href=... parse="text"> names the element and says XInclude is never followed', () => {
    const text = `<?xml version="1.0"?>\n<neuroml xmlns="http://www.neuroml.org/schema/neuroml2" xmlns:xi="http://www.w3.org/2001/XInclude" id="x">\n  <xi:include href="cell.nml" parse="text"/>\n</neuroml>\n`;
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'xinclude.nml'), text)));
    expect(error.field).toBe(`${join(home, 'xinclude.nml')}:3`);
    expect(error.value).toBe('"xi:include"');
    expect(error.allowed).toContain('XInclude is never followed');
  });

  it('an <include> in the XInclude namespace without a prefix, and any prefixed include, are refused', () => {
    const namespaced = `<neuroml id="x">\n<include xmlns="http://www.w3.org/2001/XInclude" href="cell.nml"/>\n</neuroml>`;
    expect(errorOf(() => readNeuroMLFile(write(join(home, 'xi-namespace.nml'), namespaced))).allowed).toContain('XInclude');
    const prefixed = `<Lems>\n  <x:Include xmlns:x="urn:other" file="cell.nml"/>\n</Lems>`;
    expect(errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_prefixed.xml'), prefixed))).allowed).toContain('XInclude');
  });

  it('an include with XInclude attributes (parse="text") is refused', () => {
    const text = `<neuroml id="x">\n  <include href="cell.nml" parse="text"/>\n</neuroml>`;
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'parse.nml'), text)));
    expect(error.field).toMatch(/parse\.nml:2 <include> parse$/);
    expect(error.allowed).toContain('parse and xpointer are not supported');
  });
});

describe('only regular files are read; a file that is not NeuroML is never echoed', () => {
  it('an included file that is not XML: the error gives its line and column, never its content', () => {
    write(join(home, 'secret.nml'), `${SECRET}\n`);
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_secret.xml'), lems('secret.nml'))));
    expect(error.field).toMatch(/secret\.nml:1:1$/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('TOPSECRET');
  });

  it('an included file that is XML but not NeuroML: its root element is not named', () => {
    write(join(home, 'secret-root.nml'), `<${SECRET}/>\n`);
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_secret_root.xml'), lems('secret-root.nml'))));
    expect(error.allowed).toContain('<neuroml> root');
    expect(error.message).not.toContain('TOPSECRET');
  });

  it('a malformed line is not quoted either (the character at the error is)', () => {
    write(join(home, 'broken.nml'), `<neuroml id="x">\n  <cell id="c" ${SECRET}>\n</neuroml>\n`);
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_broken.xml'), lems('broken.nml'))));
    expect(error.field).toMatch(/broken\.nml:2:\d+$/);
    expect(error.allowed).toContain('well-formed XML');
    expect(error.message).not.toContain('TOPSECRET');
  });

  it('an include that is a FIFO is refused without opening it (no hang)', () => {
    execFileSync('mkfifo', [join(home, 'pipe.nml')]);
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_pipe.xml'), lems('pipe.nml'))));
    expect(error.field).toContain('<Include> file');
    expect(error.allowed).toContain('a pipe (FIFO), not a regular file');
  });

  it('an include that is a folder is refused', () => {
    expect(errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_folder.xml'), lems('sub')))).allowed).toContain('a directory, not a regular file');
  });

  it('a top-level path that is a device is refused before reading', () => {
    const error = errorOf(() => readNeuroMLFile('/dev/zero', { field: '<model>' }));
    expect(error.field).toBe('<model>');
    expect(error.allowed).toContain('a device, not a regular file');
  });
});

describe('bounded reads of includes (limits in docs/neuroml.md)', () => {
  it(`a file over ${MAX_NEUROML_FILE_BYTES} bytes is refused (a sparse file: nothing is written to disk)`, () => {
    const big = join(home, 'big.nml');
    writeFileSync(big, '');
    execFileSync('truncate', ['-s', String(MAX_NEUROML_FILE_BYTES + 1), big]);
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_big.xml'), lems('big.nml'))));
    expect(error.field).toContain('<Include> file');
    expect(error.allowed).toContain(`at most ${MAX_NEUROML_FILE_BYTES} bytes`);
  });

  it(`all files of one import together: at most ${MAX_NEUROML_TOTAL_BYTES} bytes`, () => {
    // Three valid 12 MiB files: each under the per-file limit, 36 MiB together.
    const filler = `<neuroml id="filler">\n<!--${' '.repeat(12 * 1024 * 1024)}-->\n</neuroml>\n`;
    for (const name of ['f1.nml', 'f2.nml', 'f3.nml']) write(join(home, name), filler);
    const includes = '\n  <Include file="f2.nml"/>\n  <Include file="f3.nml"/>';
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'LEMS_total.xml'), lems('f1.nml', includes))));
    expect(error.field).toContain('<Include> file');
    expect(error.value).toBe('"f3.nml"');
    expect(error.allowed).toContain(`${MAX_NEUROML_TOTAL_BYTES} bytes in all`);
  });

  it(`at most ${MAX_INCLUDED_FILES} files`, () => {
    const many = Array.from({ length: MAX_INCLUDED_FILES }, (_, i) => {
      write(join(home, 'sub', `empty${i}.nml`), '<neuroml id="e"/>');
      return `\n  <include href="sub/empty${i}.nml"/>`;
    }).join('');
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'many.nml'), `<neuroml id="m">${many}\n</neuroml>`)));
    expect(error.allowed).toContain(`at most ${MAX_INCLUDED_FILES} files`);
  });
});

describe('what the XML parser refuses is bad input, never an internal error', () => {
  it('an empty file: the end of the file, well-formed XML expected', () => {
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'empty.nml'), '')));
    expect(error.field).toMatch(/empty\.nml/);
  });

  it(`elements nested 100 000 deep: refused as nested more than ${MAX_XML_DEPTH} deep (no stack overflow)`, () => {
    const deep = `<neuroml id="d">${'<notes>'.repeat(100_000)}${'</notes>'.repeat(100_000)}</neuroml>`;
    const error = errorOf(() => readNeuroMLFile(write(join(home, 'deep.nml'), deep)));
    expect(error.value).toBe(`elements nested more than ${MAX_XML_DEPTH} deep`);
  });

  it('elements and attributes named __proto__ or constructor: the name and line, nothing else', () => {
    const proto = errorOf(() => readNeuroMLFile(write(join(home, 'proto.nml'), '<neuroml id="p">\n  <__proto__ id="x"/>\n</neuroml>')));
    expect(proto.field).toBe(`${join(home, 'proto.nml')}:2`);
    expect(proto.value).toBe('"__proto__"');
    const attribute = errorOf(() => readNeuroMLFile(write(join(home, 'ctor.nml'), '<neuroml id="p">\n\n  <cell constructor="x"/>\n</neuroml>')));
    expect(attribute.field).toBe(`${join(home, 'ctor.nml')}:3`);
    expect(attribute.value).toBe('"constructor"');
  });
});
