// Cells whose outputs drive bits of one vector net in a chain (a ripple carry): a port writing
// c[1] must wake the readers of c that come later in the model, a cell's input port and a
// process waiting on c, not only those known when the writer's code was made.
module OR2(output Y, input A, input B); or (Y, A, B); endmodule
module part_fanout_order;
  reg a, b;
  wire [2:0] c;
  wire cout;
  assign c[0] = a;
  assign cout = c[2];
  OR2 u0 (.Y(c[1]), .A(c[0]), .B(b));
  OR2 u1 (.Y(c[2]), .A(c[1]), .B(b));
  always @(c) $display("%0t c changed to %b", $time, c);
  initial begin
    $monitor("%0t a=%b b=%b c=%b cout=%b", $time, a, b, c, cout);
    a = 0; b = 0;
    #10 a = 1;
    #10 a = 0;
    #10 b = 1;
  end
endmodule
