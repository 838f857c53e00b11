/// Words that carry no topic: function words, pronouns, politeness and filler.
///
/// Dropped from both topics and questions before matching, so "what does it feel like"
/// matches on "feel" rather than on "what", "does" and "it". Question words that carry
/// meaning ("when", "where", "why", "how long") are kept or rewritten by the lexicon first.
enum Stopwords {
    static let words: Set<String> = [
        "a", "able", "about", "actually", "ago", "al", "all", "also", "am", "an", "and", "any", "anybody", "anyone",
        "anything", "are", "arent", "as", "at", "be", "been", "being", "bit", "both", "but", "by", "can", "come",
        "could", "currently", "d", "did", "didnt", "do", "does", "doesnt", "done", "dont", "dr", "each",
        "either", "else", "ever", "exactly", "for", "from", "get", "gets", "go", "goes", "going", "got", "gotten",
        "had", "has", "have", "having", "he", "hello", "her", "here", "hers", "hey", "hi", "him", "his", "how",
        "i", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "kind", "let", "lets",
        "little", "ll", "lot", "lots", "m", "may", "me", "might", "mind", "moment", "mr", "mrs", "ms",
        "must", "my", "myself", "no", "not", "of", "oh", "ok", "okay", "on", "one", "ones", "onto", "or",
        "our", "own", "please", "quite", "re", "really", "s", "same", "seem", "shall", "she", "should",
        "so", "some", "somebody", "someone", "something", "sort", "such", "sure", "t", "tell", "than", "thank",
        "thanks", "that", "that's", "the", "their", "them", "then", "there", "theres", "these", "they", "thing",
        "things", "this", "those", "to", "too", "us", "ve", "very", "was", "way", "we", "well", "were", "what",
        "whats", "whether", "which", "whom", "whose", "will", "with", "would",
        "yes", "like", "yet", "you", "your", "youre", "yours", "yourself",
    ]

    /// The stems of `words`, so inflected stopwords ("comes", "getting") are dropped too
    /// ("doing" is kept: "what were you doing when it started" asks for the onset).
    static let stems: Set<String> = Set(words.map(PorterStemmer.stem)).subtracting(["do"])

    /// Whether `token` carries no topic.
    static func contains(_ token: TextNormalizer.Token) -> Bool {
        words.contains(token.word) || stems.contains(token.stem)
    }

    /// Stems that occur in many questions without being what the question is about
    /// ("take", "time"): they still complete a topic but count for little on their own.
    static let weak: Set<String> = [
        "take", "time", "much", "mani", "still", "now", "off", "up", "give", "happen", "when", "feel",
    ]
}
