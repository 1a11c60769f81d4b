// Continuous assignments with rise/fall/turn-off delays (1364-2005 6.1.3): the delay follows the
// new value; for a vector the largest of its changed bits' delays; a change with a shorter delay
// than the pending one replaces it; a zero delay applies at once.
`timescale 1ns/1ns
module ca_rise_fall;
  reg [3:0] a;
  reg en;
  reg [7:0] fall_d;
  wire [3:0] v2, v3, vz;
  wire b_var;

  assign #(5, 2) v2 = a;                 // to x or z: the smaller, 2
  assign #(4, 6, 1) v3 = a;
  assign #(3, 7, 9) vz = en ? a : 4'bz;  // turn-off 9
  assign #(1, fall_d) b_var = a[0];      // a delay read when the value changes

  initial begin
    $monitor("%3t a=%b en=%b v2=%b v3=%b vz=%b b_var=%b", $time, a, en, v2, v3, vz, b_var);
    fall_d = 3;
    en = 1;
    a = 4'b0000;
    #10 a = 4'b0011;        // rise: v2 at 15, v3 at 14
    #10 a = 4'b0001;        // fall: v2 at 22, v3 at 26
    #10 a = 4'b1110;        // both: the larger
    #3  a = 4'b1111;        // v3: rise 4 after fall 6 was pending: replaced
    #10 a = 4'bx01x;
    #10 en = 0;             // turn-off
    #12 en = 1; a = 4'b0101;
    #2  a = 4'b0100;        // v2: 1->0 fall 2 at t+2 earlier than the pending rise
    #10 fall_d = 0; a = 4'b0101;
    #5  a = 4'b0100;        // b_var falls at once (delay 0)
    #5  a = 4'b0110;
    #20 $finish;
  end
endmodule
