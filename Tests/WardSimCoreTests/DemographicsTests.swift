import Testing

@testable import WardSimCore

@Suite("Demographics") struct DemographicsTests {
    @Test func readsAgeSexAndLifeStage() {
        let adult = Demographics("35-year-old female", history: "")
        #expect(
            adult.years == 35 && adult.months == nil && adult.sex == .female && adult.phrase == "a 35-year-old woman")
        let infant = Demographics("18-month-old boy", history: "")
        #expect(infant.years == 1 && infant.months == 18 && infant.phrase == "an 18-month-old boy")
        let newborn = Demographics("2-day-old male infant", history: "")
        #expect(newborn.years == 0 && newborn.months == 0 && newborn.sex == .male && newborn.phrase == "a newborn boy")
        let preterm = Demographics("1100-g (2-lb 7-oz) newborn, 31 weeks' gestation", history: "She was born early.")
        #expect(preterm.isNewborn && preterm.months == 0 && preterm.sex == .female && preterm.sexInferred)
        let pregnant = Demographics("32-year-old woman, gravida 2, para 1, at 38 weeks' gestation", history: "")
        #expect(pregnant.years == 32 && pregnant.sex == .female && !pregnant.sexInferred)
        #expect(Demographics("23-year-old college student", history: "He was started on risperidone.").sex == .male)
    }
}
