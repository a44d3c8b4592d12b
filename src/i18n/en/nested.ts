/** English strings of chapter 1's nested fields figure. */
export const nested = {
  'nested.title': 'Artificial intelligence contains machine learning, which contains deep learning',
  'nested.desc': 'Three nested regions. Artificial intelligence, the outer one: programs that do tasks we call intelligent, for example a rule-based expert system or a chess program searching moves. Inside it, machine learning: programs that learn from examples, for example a spam filter or a credit score, a linear model on features a person chose. Inside that, deep learning: networks of many layers that learn their own features from raw data, for example recognising objects in photos or speech.',
  'nested.ai.name': 'Artificial intelligence',
  'nested.ai.gloss': 'does what we call intelligent',
  'nested.ai.examples': 'a rule-based|expert system;|a chess program|that searches|moves by rules|people wrote',
  'nested.ml.name': 'Machine learning',
  'nested.ml.gloss': 'learns from examples',
  'nested.ml.examples': 'a spam filter,|a credit score:|a linear model|learns weights|for features|a person chose',
  'nested.dl.name': 'Deep learning',
  'nested.dl.gloss': 'learns its own features',
  'nested.dl.examples': 'photos, speech:|many layers|learn from|raw input',
} as const;
