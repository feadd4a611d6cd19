import { cmlWatermark } from '../index';

// Bodies as CML wrote them (dvc-studio-cml §4.1–4.2: iterative/cml src/watermark.js and its tests,
// the history of src/cml.js, and the real comments quoted in cml#1431 / #1439).
const REPORT =
  '# CML Report\n## Metrics and Params\n### main → workspace\n\n| Path | Metric | HEAD | workspace | Change |\n|---|---|---|---|---|\n| eval/metrics.json | avg_prec | 0.9 | 0.92 | 0.02 |';
const SVG_V02 = `${REPORT} \n\n  ![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)`;
const SVG_V08 = `${REPORT}\n\n![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)`;
const SVG_EARLY_BRANCH = `${REPORT} \n\n  ![CML watermark](https://raw.githubusercontent.com/iterative/cml/watermark-comment/assets/watermark.svg)`;
const PNG = `${REPORT}\n\n![](https://cml.dev/watermark.png "CML watermark")`;
const PNG_LABEL = `${REPORT}\n\n![](https://cml.dev/watermark.png "CML watermark train-nightly")`;
const PNG_SHA_REAL = `${REPORT}\n\n![](https://cml.dev/watermark.png#4ee28eca05c03677c788fcd472138f464cb4209e "CML watermark")\n`;
const PNG_SHA_LABEL = 'some report\n\n![](https://cml.dev/watermark.png#deadbeef "CML watermark some-label")';

describe('cmlWatermark: every generation CML wrote', () => {
  it('the svg image of CML v0.2.2 – v0.18.7, both spacings and the early branch', () => {
    expect(cmlWatermark(SVG_V02)).toEqual({ generation: 'svg' });
    expect(cmlWatermark(SVG_V08)).toEqual({ generation: 'svg' });
    expect(cmlWatermark(SVG_EARLY_BRANCH)).toEqual({ generation: 'svg' });
  });

  it('watermark.png of v0.18.8 – v0.18.14, with and without a label', () => {
    expect(cmlWatermark(PNG)).toEqual({ generation: 'png' });
    expect(cmlWatermark(PNG_LABEL)).toEqual({ generation: 'png', label: 'train-nightly' });
  });

  it('watermark.png#<sha> of v0.18.15+: the real comment of cml#1431 and the label of CML’s own test', () => {
    expect(cmlWatermark(PNG_SHA_REAL)).toEqual({ generation: 'png-sha', sha: '4ee28eca05c03677c788fcd472138f464cb4209e' });
    expect(cmlWatermark(PNG_SHA_LABEL)).toEqual({ generation: 'png-sha', sha: 'deadbeef', label: 'some-label' });
  });

  it('undoes the escapes CML puts in the title (_ * [ <)', () => {
    const body = 'r\n\n![](https://cml.dev/watermark.png#ABCDEF1 "CML watermark train\\_model \\*nightly\\* \\[gpu] \\<x>")';
    expect(cmlWatermark(body)).toEqual({ generation: 'png-sha', sha: 'abcdef1', label: 'train_model *nightly* [gpu] <x>' });
  });

  it('reads the <sha7> first line of old `cml send-comment --pr` bodies', () => {
    expect(cmlWatermark(`5f02cf9\n\n${SVG_V08}`)).toEqual({ generation: 'svg', sha7Line: '5f02cf9' });
    expect(cmlWatermark(`5f02cf9\r\n\r\n${PNG}`)).toEqual({ generation: 'png', sha7Line: '5f02cf9' });
    // A heading or a longer number is no sha7 line.
    expect(cmlWatermark(`# 5f02cf9\n\n${PNG}`)).toEqual({ generation: 'png' });
    expect(cmlWatermark(`5f02cf9a\n\n${PNG}`)).toEqual({ generation: 'png' });
  });
});

describe('cmlWatermark: talk about a report is no report', () => {
  it('a watermark inside a fenced code block (``` and ~~~)', () => {
    expect(cmlWatermark('How CML marks reports:\n\n```md\n![](https://cml.dev/watermark.png#deadbeef "CML watermark")\n```\n')).toBeUndefined();
    expect(cmlWatermark('~~~~\n![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)\n~~~~')).toBeUndefined();
    // A shorter fence inside does not close it.
    expect(cmlWatermark('````\n```\n![](https://cml.dev/watermark.png "CML watermark")\n````')).toBeUndefined();
  });

  it('a watermark in an indented code block or an inline code span', () => {
    expect(cmlWatermark('Example:\n\n    ![](https://cml.dev/watermark.png "CML watermark")\n')).toBeUndefined();
    expect(cmlWatermark('CML appends `![](https://cml.dev/watermark.png "CML watermark")` to reports.')).toBeUndefined();
    expect(cmlWatermark('Also ``![](https://cml.dev/watermark.png#abc "CML watermark")`` here')).toBeUndefined();
  });

  it('a watermark in a block quote (a reply quoting the report)', () => {
    expect(cmlWatermark(`> ${PNG_SHA_REAL.split('\n').join('\n> ')}\n\nLooks good!`)).toBeUndefined();
  });

  it('the report itself still counts after a code block closes', () => {
    expect(cmlWatermark(`\`\`\`\nlog\n\`\`\`\n${PNG_SHA_LABEL}`)).toEqual({ generation: 'png-sha', sha: 'deadbeef', label: 'some-label' });
  });
});

describe('cmlWatermark: near misses are refused', () => {
  it.each([
    ['another host', '![](https://example.com/watermark.png "CML watermark")'],
    ['plain http', '![](http://cml.dev/watermark.png "CML watermark")'],
    ['a look-alike host', '![](https://cml.dev.evil.io/watermark.png "CML watermark")'],
    ['watermark.png in prose', 'CML adds watermark.png (https://cml.dev/watermark.png) under each report.'],
    ['the image without CML’s title', '![](https://cml.dev/watermark.png)'],
    ['another title', '![](https://cml.dev/watermark.png "watermark")'],
    ['alt text on the png form', '![CML watermark](https://cml.dev/watermark.png "CML watermark")'],
    ['the svg of another repository', '![CML watermark](https://raw.githubusercontent.com/someone/cml/master/assets/watermark.svg)'],
    ['the svg without its alt text', '![](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)'],
    ['a link, not an image', '[](https://cml.dev/watermark.png "CML watermark")'],
    ['a non-hex fragment', '![](https://cml.dev/watermark.png#main "CML watermark")'],
    ['an empty body', ''],
  ])('%s', (_why, body) => {
    expect(cmlWatermark(body)).toBeUndefined();
  });
});
