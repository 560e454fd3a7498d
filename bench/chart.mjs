// A plain SVG bar chart of the results: no dependency, readable in the README.

function panel(title, rows, value, format, y, highlight) {
  const width = 760;
  const barHeight = 22;
  const max = Math.max(...rows.map(value));
  const labelWidth = 210;
  const bars = rows
    .map((row, i) => {
      const top = y + 30 + i * (barHeight + 6);
      const length = Math.max(2, ((width - labelWidth - 110) * value(row)) / max);
      const fill = row.name.startsWith(highlight) ? "#0b6e4f" : "#9aa5b1";
      return `<text x="${labelWidth - 8}" y="${top + 16}" text-anchor="end">${row.name}</text>
  <rect x="${labelWidth}" y="${top}" width="${length.toFixed(1)}" height="${barHeight}" fill="${fill}"/>
  <text x="${(labelWidth + length + 6).toFixed(1)}" y="${top + 16}">${format(value(row))}</text>`;
    })
    .join("\n  ");
  return { svg: `<text x="10" y="${y + 18}" font-weight="bold">${title}</text>\n  ${bars}`, height: 40 + rows.length * (barHeight + 6) };
}

export function chart({ stubbed, loopback, sizes }) {
  const panels = [];
  let y = 0;
  for (const [title, rows, value, format] of [
    ["Calls/s with a stubbed fetch (higher is better)", stubbed, (r) => r.median, (v) => `${Math.round(v).toLocaleString("en")}/s`],
    ["Median latency over loopback HTTP, concurrency 1 (lower is better)", loopback, (r) => r.medianMs, (v) => `${v.toFixed(3)} ms`],
    ["Bundle, min+gzip (lower is better)", sizes.filter((r) => !r.name.includes("unused")), (r) => r.gzipBytes, (v) => `${(v / 1000).toFixed(2)} kB`],
  ]) {
    const built = panel(title, rows, value, format, y, "verigator");
    panels.push(built.svg);
    y += built.height + 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${y}" font-family="sans-serif" font-size="13">
  <rect width="100%" height="100%" fill="#fff"/>
  ${panels.join("\n  ")}
</svg>
`;
}
