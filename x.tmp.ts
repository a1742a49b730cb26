import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
const html = `<details>
  <summary>Q4 2021 (64%)</summary>
  <table>
    <thead>
      <tr>
        <th>OKR</th>
        <th colspan="2">Progress</th>
      </tr>
    </thead>
    <tbody>
      <tr>
        <td><strong>Keep body</strong></td>
        <td><b>54%</b></td>
        <td>x</td>
      </tr>
      <tr><td>↳ Maintain weight of <em>less</em> than 75 kg</td><td>9</td><td>8</td></tr>
    </tbody>
  </table>
  <p>A note</p>
</details>`;
const h = fromHtml(html, { fragment: true });
const m = toMdast(h);
console.log(JSON.stringify(m, (k, v) => (k === 'position' ? `${v.start.line}:${v.start.column}-${v.end.line}` : v), 1).slice(0, 4000));
