/** English strings of the XOR hidden-layer figure. */
export const xorHidden = {
  'xorHidden.input.title': 'Input plane (x₁, x₂)',
  'xorHidden.input.label': 'The lines of the two hidden units over the four XOR points',
  'xorHidden.input.desc': 'Hidden unit 1’s line x1 + x2 = 0.5 (solid) and hidden unit 2’s line x1 + x2 = 1.5 (dashed), each with an arrow towards the side where the unit fires. The points (0, 1) and (1, 0), where XOR is 1, lie between the lines; (0, 0) lies below both and (1, 1) above both.',
  'xorHidden.hidden.title': 'Hidden plane (a₁, a₂)',
  'xorHidden.hidden.label': 'The four inputs placed at the activations of the two hidden units, with the output unit’s line',
  'xorHidden.hidden.desc': 'In the plane of the hidden activations (a1, a2), the input (0, 0) lands near (0, 1), the input (1, 1) near (1, 0), and both (0, 1) and (1, 0) land near (1, 1). The output unit’s line a1 + a2 = 1.5 leaves only that last point on its firing side.',
  'xorHidden.table.caption': 'The forward pass for each of the four inputs',
  'xorHidden.and': ', ',
} as const;
