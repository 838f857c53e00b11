/// Deterministic fictional names for imported patients and caregivers, so drafts are
/// stable across imports and never carry a placeholder.
enum FictionalNames {
    static let female = [
        "Amelia", "Grace", "Hannah", "Isla", "Ruth", "Nadia", "Priya", "Chloe", "Fatima", "Joanna", "Leah", "Maria",
        "Sofia", "Eleanor", "Aisha", "Beatrice", "Carmen", "Deborah", "Erin", "Farah", "Gemma", "Helen", "Ines",
        "Julia", "Kate", "Lucy", "Megan", "Nora", "Olivia", "Rosa",
    ]
    static let male = [
        "Adam", "Ben", "Callum", "Daniel", "Ethan", "Felix", "George", "Hamza", "Ivan", "Jacob", "Kwame", "Liam",
        "Mohammed", "Noah", "Oscar", "Peter", "Rahul", "Samuel", "Thomas", "Umar", "Victor", "William", "Yusuf",
        "Zach", "Arjun", "Brian", "Colin", "David", "Edward", "Frank",
    ]
    static let surnames = [
        "Abbott", "Bennett", "Chowdhury", "Doyle", "Evans", "Fletcher", "Garcia", "Hughes", "Iqbal", "Jenkins",
        "Kowalski", "Lewis", "Mensah", "Nowak", "Okafor", "Patel", "Quinn", "Reid", "Singh", "Turner", "Usman",
        "Vaughan", "Walsh", "Xu", "Young", "Zielinski", "Ahmed", "Byrne", "Campbell", "Dawson", "Ellis", "Foster",
        "Gallagher", "Harper", "Ibrahim", "Jones", "Khan", "Lloyd", "Murphy", "Nicholson",
    ]

    /// A first name for case `number` and `sex`; `offset` picks a different one (a parent).
    static func first(_ number: Int, sex: Patient.Sex, offset: Int = 0) -> String {
        let list = sex == .male ? male : female
        return list[(number * 7 + offset * 13) % list.count]
    }

    static func surname(_ number: Int) -> String {
        surnames[(number * 11) % surnames.count]
    }
}
