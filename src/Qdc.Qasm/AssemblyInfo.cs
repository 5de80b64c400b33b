// The generated parser marks its types CLSCompliant(false); declaring the assembly's stance
// keeps that attribute meaningful (and the build free of CS3021).
[assembly: CLSCompliant(false)]
